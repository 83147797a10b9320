//! `POST /api/v1/services/{service}/submissions` for every service, over real HTTP: each
//! service's declaration decides what is valid, what is stored, where it goes, what it may
//! attach and how it is numbered; `officer advance` follows any service's lifecycle.

mod common;

use chrono::{DateTime, Days, TimeZone, Utc};
use common::{error_of, submit, Server, MOBILE};
use contract::services::{ServiceId, ALL};
use reqwest::StatusCode;
use serde_json::{json, Map, Value};

const PNG: &[u8] = &[
    0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D,
];
const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F', b'I', b'F', 0];
const PDF: &[u8] = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n";
const BIN: &str = env!("CARGO_BIN_EXE_nagrik-server");

/// Noon IST on the day the specs' sample answers were written for (2026-12-01).
fn noon() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 6, 30, 0).unwrap()
}

fn object(pairs: &[(&str, &str)]) -> Value {
    let map: Map<String, Value> = pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), json!(v)))
        .collect();
    Value::Object(map)
}

/// The valid answers of each service's own tests in `contract/src/services/`; the
/// complaint's incident was yesterday.
fn answers(server: &Server, service: ServiceId) -> Value {
    match service {
        ServiceId::Complaint => common::complaint_answers(server),
        ServiceId::TenantVerification => object(&[
            ("name", "Ramesh Prasad"),
            ("relative_name", "Suresh Prasad"),
            ("gender", "male"),
            ("dob", "1/1/1970"),
            ("mobile", "9876543210"),
            ("property_house", "Flat 3, Shanti Niwas"),
            ("property_locality", "Boring Road"),
            ("property_district", "PAT"),
            ("property_station", "PAT-KOTWALI"),
            ("property_pin", "800001"),
            ("tenant_name", "अनिल कुमार"),
            ("tenant_relative_name", "Mohan Lal"),
            ("tenant_gender", "male"),
            ("tenant_dob", "15/8/1995"),
            ("tenant_mobile", "9123456780"),
            ("tenant_id_type", "pan"),
            ("tenant_id_number", "ABCPK1234D"),
            ("perm_house", "Village Rampur"),
            ("perm_locality", "Post Bihta"),
            ("perm_town", "Bihta"),
            ("perm_state", "Bihar"),
            ("perm_pin", "801103"),
            ("prev_house", "Room 12, Gupta Lodge"),
            ("prev_locality", "Rajendra Nagar"),
            ("prev_town", "Patna"),
            ("prev_state", "Bihar"),
            ("prev_pin", "800016"),
            ("family", "1"),
            ("family.0.name", "Sunita Devi"),
            ("family.0.relation", "spouse"),
            ("family.0.age", "27"),
            ("tenancy_start", "1/1/2027"),
        ]),
        ServiceId::DomesticHelpVerification => object(&[
            ("name", "Kavita Sinha"),
            ("relative_name", "Alok Sinha"),
            ("gender", "female"),
            ("dob", "10/10/1980"),
            ("mobile", "9876543210"),
            ("house", "House 5, Road 2"),
            ("locality", "Kankarbagh"),
            ("district", "PAT"),
            ("station", "PAT-KOTWALI"),
            ("pin", "800020"),
            ("worker_name", "गीता देवी"),
            ("worker_relative_name", "Shyam Das"),
            ("worker_gender", "female"),
            ("worker_dob", "1/1/1990"),
            ("worker_id_type", "epic"),
            ("worker_id_number", "ABC1234567"),
            ("perm_house", "Tola Bazar"),
            ("perm_locality", "Ward 7"),
            ("perm_town", "Hajipur"),
            ("perm_state", "Bihar"),
            ("perm_pin", "844101"),
            ("work_start", "1/12/2026"),
        ]),
        ServiceId::DriverVerification => object(&[
            ("name", "Prakash Jha"),
            ("relative_name", "Vinod Jha"),
            ("gender", "male"),
            ("dob", "3/4/1975"),
            ("mobile", "9876543210"),
            ("house", "House 9"),
            ("locality", "Civil Lines"),
            ("district", "GAY"),
            ("station", "GAY-TOWN"),
            ("pin", "823001"),
            ("driver_name", "Raju Kumar"),
            ("driver_relative_name", "Bhola Ram"),
            ("driver_gender", "male"),
            ("driver_dob", "20/5/1992"),
            ("driver_mobile", "9123456780"),
            ("driver_id_type", "aadhaar"),
            ("driver_id_number", "2345 6789 0124"),
            ("perm_house", "Village Belaganj"),
            ("perm_locality", "Ward 3"),
            ("perm_town", "Gaya"),
            ("perm_state", "Bihar"),
            ("perm_pin", "804403"),
            ("licence_number", "BR02 20150012345"),
            ("vehicle", "BR 02 AB 1234"),
        ]),
        ServiceId::EmployeeVerification => object(&[
            ("org_name", "Sinha Medical Store"),
            ("org_house", "Shop 4, Market Complex"),
            ("org_locality", "Bailey Road"),
            ("org_district", "PAT"),
            ("org_station", "PAT-KOTWALI"),
            ("org_pin", "800014"),
            ("contact_name", "Rakesh Sinha"),
            ("mobile", "9876543210"),
            ("employee_name", "Md. Irfan"),
            ("employee_relative_name", "Md. Salim"),
            ("employee_gender", "male"),
            ("employee_dob", "2/2/1998"),
            ("employee_mobile", "9123456780"),
            ("designation", "Pharmacist"),
            ("joined_on", "20/11/2026"),
            ("employee_id_type", "passport"),
            ("employee_id_number", "K1234567"),
            ("perm_house", "Mohalla Alamganj"),
            ("perm_locality", "Near Masjid"),
            ("perm_town", "Patna"),
            ("perm_state", "Bihar"),
            ("perm_pin", "800007"),
        ]),
        other => common::more_samples::answers(other),
    }
}

/// The station each sample filing goes to (its declared routing field).
fn station(service: ServiceId) -> &'static str {
    match service {
        ServiceId::Complaint => "PAT-GANDHI-MAIDAN",
        ServiceId::DriverVerification => "GAY-TOWN",
        _ => "PAT-KOTWALI",
    }
}

async fn upload(server: &Server, client: &reqwest::Client, bytes: &[u8]) -> String {
    let response = client
        .post(server.url("/api/v1/attachments"))
        .header("content-type", "application/octet-stream")
        .body(bytes.to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// A valid body for the service: its sample answers, and a new photo where it needs one.
async fn valid_body(server: &Server, client: &reqwest::Client, service: ServiceId) -> Value {
    let needs = service.spec().attachments.map_or(0, |a| a.min);
    let mut photos = Vec::new();
    for _ in 0..needs {
        photos.push(upload(server, client, PNG).await);
    }
    json!({ "answers": answers(server, service), "attachments": photos })
}

async fn filed(
    server: &Server,
    client: &reqwest::Client,
    service: ServiceId,
    key: &str,
    body: &Value,
) -> Value {
    let response = submit(server, client, service.slug(), Some(key), body).await;
    assert_eq!(response.status(), StatusCode::CREATED, "{service}");
    response.json().await.unwrap()
}

/// A 422's field errors.
async fn field_errors(response: reqwest::Response) -> Vec<Value> {
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error = error_of(response).await;
    assert_eq!(error["code"], "validation_failed");
    error["fields"].as_array().unwrap().clone()
}

#[tokio::test]
async fn every_service_files_with_its_own_reference_station_and_receipt() {
    let server = Server::start_at(noon()).await;
    let browser = server.verified(MOBILE).await;
    // A tip has no applicant, no receipt to read later and a status of its own (tip_off.rs).
    for service in ALL
        .into_iter()
        .filter(|s| s.spec().applicant.mobile_field().is_some())
    {
        let body = valid_body(&server, &browser, service).await;
        let ack = filed(&server, &browser, service, &format!("{service}-key"), &body).await;
        let reference = format!("BR-{}-2026-000001", service.code());
        assert_eq!(ack["reference"], reference);
        assert_eq!(ack["service"], service.slug());
        assert_eq!(ack["station"]["code"], station(service), "{service}");
        assert_eq!(
            ack["attachments"],
            body["attachments"].as_array().unwrap().len()
        );
        let typed: contract::Acknowledgement = serde_json::from_value(ack.clone()).unwrap();
        assert_eq!(typed.service, service);
        // Only the complaint asks for a visit to the station (BNSS section 173).
        let expected_confirm = match service {
            ServiceId::Complaint => json!(server
                .today_ist()
                .checked_add_days(Days::new(3))
                .unwrap()
                .to_string()),
            _ => Value::Null,
        };
        assert_eq!(ack["confirm_by"], expected_confirm, "{service}");

        let conn = server.db();
        let (slug, mobile, stored, note_en, note_hi): (String, String, String, String, String) =
            conn.query_row(
                "SELECT f.service, f.mobile, f.answers, e.note_en, e.note_hi
                 FROM filings f JOIN status_events e ON e.reference = f.reference
                 WHERE f.reference = ?1",
                [&reference],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
            )
            .unwrap();
        assert_eq!((slug.as_str(), mobile.as_str()), (service.slug(), MOBILE));
        let expected_note = match service {
            ServiceId::Complaint => ("Complaint received online.", "शिकायत ऑनलाइन प्राप्त हुई।"),
            _ => ("Request received online.", "अनुरोध ऑनलाइन प्राप्त हुआ।"),
        };
        assert_eq!((note_en.as_str(), note_hi.as_str()), expected_note);
        let stored: Value = serde_json::from_str(&stored).unwrap();
        for (key, value) in body["answers"].as_object().unwrap() {
            if !service.spec().field(key).is_some_and(|f| f.masked) {
                assert_eq!(stored[key], *value, "{service}: {key}");
            }
        }
        let linked: i64 = conn
            .query_row(
                "SELECT COUNT(*) FROM attachments WHERE filing_reference = ?1",
                [&reference],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(linked, ack["attachments"].as_i64().unwrap());

        // The slip's answers are the declared ones, for the filer only; whoever finds the
        // filing by reference and mobile reads the receipt without them, and its own mobile
        // follows its own lifecycle.
        let printed: Vec<(String, String)> = ack["slip"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| {
                (
                    l["field"].as_str().unwrap().to_owned(),
                    l["value"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        let stored_answers: contract::forms::Answers =
            serde_json::from_value(stored.clone()).unwrap();
        assert_eq!(
            printed,
            service.spec().slip_answers(&stored_answers),
            "{service}"
        );
        assert!(!printed.is_empty(), "{service}");
        let public = server
            .looked_up(&reference, MOBILE)
            .await
            .get(server.url(&format!("/api/v1/acknowledgements/{reference}")))
            .send()
            .await
            .unwrap();
        let mut anonymous = ack.clone();
        anonymous["slip"] = json!([]);
        assert_eq!(public.json::<Value>().await.unwrap(), anonymous);
        let view: Value = browser
            .get(server.url(&format!("/api/v1/status/{reference}")))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(view["service"], service.slug());
        let next = match service {
            ServiceId::Complaint => "received",
            _ => "pending_at_station",
        };
        assert_eq!(view["next"]["status"], next, "{service}");
    }
    // The driver's Aadhaar is stored masked, as the declaration says.
    let stored: String = server
        .db()
        .query_row(
            "SELECT answers FROM filings WHERE service = 'driver-verification'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let stored: Value = serde_json::from_str(&stored).unwrap();
    assert_eq!(stored["driver_id_number"], "XXXX XXXX 0124");
    assert!(!stored.to_string().contains("2345 6789"));
}

#[tokio::test]
async fn references_are_numbered_per_service_so_services_never_collide() {
    let server = Server::start_at(noon()).await;
    let browser = server.verified(MOBILE).await;
    let complaint = valid_body(&server, &browser, ServiceId::Complaint).await;
    let ack = filed(
        &server,
        &browser,
        ServiceId::Complaint,
        "cmp-key-1",
        &complaint,
    )
    .await;
    assert_eq!(ack["reference"], "BR-CMP-2026-000001");
    let tenant = valid_body(&server, &browser, ServiceId::TenantVerification).await;
    let ack = filed(
        &server,
        &browser,
        ServiceId::TenantVerification,
        "tnv-key-1",
        &tenant,
    )
    .await;
    assert_eq!(ack["reference"], "BR-TNV-2026-000001");
    let mut second = valid_body(&server, &browser, ServiceId::TenantVerification).await;
    second["answers"]["tenant_name"] = json!("Vijay Kumar");
    let ack = filed(
        &server,
        &browser,
        ServiceId::TenantVerification,
        "tnv-key-2",
        &second,
    )
    .await;
    assert_eq!(ack["reference"], "BR-TNV-2026-000002");
    let mut another = complaint.clone();
    another["answers"]["description"] = json!("Another matter entirely, reported separately.");
    let ack = filed(
        &server,
        &browser,
        ServiceId::Complaint,
        "cmp-key-2",
        &another,
    )
    .await;
    assert_eq!(ack["reference"], "BR-CMP-2026-000002");
    let helper = valid_body(&server, &browser, ServiceId::DomesticHelpVerification).await;
    let ack = filed(
        &server,
        &browser,
        ServiceId::DomesticHelpVerification,
        "dhv-key-1",
        &helper,
    )
    .await;
    assert_eq!(ack["reference"], "BR-DHV-2026-000001");
    assert_eq!(server.count("SELECT COUNT(*) FROM filings"), 5);
}

/// A service, the answers changed from its valid ones, and the field and code refused.
type Case<'a> = (ServiceId, &'a [(&'a str, &'a str)], &'a str, &'a str);

#[tokio::test]
async fn each_services_cross_field_rule_is_refused_on_its_field() {
    let server = Server::start_at(noon()).await;
    let browser = server.verified(MOBILE).await;
    let today = common::dmy(server.today_ist());
    let cases: [Case; 5] = [
        (
            ServiceId::TenantVerification,
            &[
                ("prev_house", "flat 3,  SHANTI niwas"),
                ("prev_locality", "Boring Road"),
                ("prev_pin", "८००००१"),
            ],
            "prev_house",
            "same_as_other",
        ),
        (
            ServiceId::DomesticHelpVerification,
            &[("prev_employer_mobile", "+91 98765 43210")],
            "prev_employer_mobile",
            "same_as_other",
        ),
        (
            ServiceId::DriverVerification,
            &[("licence_number", "BR02 20050012345")],
            "licence_number",
            "too_young",
        ),
        (
            ServiceId::EmployeeVerification,
            &[("employee_mobile", "098765 43210")],
            "employee_mobile",
            "same_as_other",
        ),
        // The server's clock says noon (IST): a time later today has not happened yet.
        (
            ServiceId::Complaint,
            &[
                ("incident_date", today.as_str()),
                ("incident_time", "23:59"),
            ],
            "incident_time",
            "later_than_now",
        ),
    ];
    for (i, (service, changes, field, code)) in cases.into_iter().enumerate() {
        let mut body = valid_body(&server, &browser, service).await;
        for (key, value) in changes {
            body["answers"][key] = json!(value);
        }
        let key = format!("cross-field-{i}");
        let response = submit(&server, &browser, service.slug(), Some(&key), &body).await;
        assert_eq!(
            field_errors(response).await,
            [json!({"field": field, "code": code})],
            "{service}"
        );
    }
    assert_eq!(server.count("SELECT COUNT(*) FROM filings"), 0);
    assert_eq!(server.count("SELECT COUNT(*) FROM idempotency_keys"), 0);

    // An exact time earlier today is fine.
    let mut body = valid_body(&server, &browser, ServiceId::Complaint).await;
    body["answers"]["incident_date"] = json!(today);
    body["answers"]["incident_time"] = json!("11:00");
    filed(
        &server,
        &browser,
        ServiceId::Complaint,
        "earlier-today",
        &body,
    )
    .await;
}

#[tokio::test]
async fn an_unknown_service_is_a_404_with_its_code() {
    let server = Server::start().await;
    let browser = server.verified(MOBILE).await;
    let body = json!({ "answers": common::complaint_answers(&server) });
    for slug in [
        "character-verification",
        "Complaint",
        "tenant_verification",
        "CMP",
        "%E0%A4%95",
    ] {
        let response = submit(&server, &browser, slug, Some("unknown-service"), &body).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{slug}");
        assert_eq!(
            error_of(response).await,
            json!({"code": "unknown_service"}),
            "{slug}"
        );
    }
    // Whatever the session, key or body.
    let response = server
        .browser()
        .post(server.url("/api/v1/services/arms-licence/submissions"))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_eq!(error_of(response).await, json!({"code": "unknown_service"}));
    // The route itself answers other methods as every route does.
    let response = browser
        .get(server.url("/api/v1/services/complaint/submissions"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(server.count("SELECT COUNT(*) FROM filings"), 0);
}

#[tokio::test]
async fn an_answer_no_declared_field_has_is_refused_and_a_hidden_one_is_dropped() {
    let server = Server::start_at(noon()).await;
    let browser = server.verified(MOBILE).await;
    let mut body = valid_body(&server, &browser, ServiceId::TenantVerification).await;
    // A complaint's field, groups the spec lacks or overflows, and made-up keys.
    for key in [
        "category",
        "incident_station",
        "family.10.name",
        "family.0.nickname",
        "family.01.name",
        "suspects.0.name",
        "family.0",
        "not_a_field",
    ] {
        body["answers"][key] = json!("x");
    }
    let response = submit(
        &server,
        &browser,
        "tenant-verification",
        Some("unknown-1"),
        &body,
    )
    .await;
    let errors = field_errors(response).await;
    let mut unknown: Vec<&str> = errors
        .iter()
        .filter(|e| e["code"] == "unknown_field")
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    unknown.sort_unstable();
    assert_eq!(
        unknown,
        [
            "category",
            "family.0",
            "family.0.nickname",
            "family.01.name",
            "family.10.name",
            "incident_station",
            "not_a_field",
            "suspects.0.name"
        ]
    );
    assert_eq!(errors.len(), unknown.len(), "{errors:?}");
    assert_eq!(server.count("SELECT COUNT(*) FROM filings"), 0);

    // Declared answers that are not shown (a time for an approximate date, a second family
    // member beyond the count) are accepted and not stored.
    let mut body = valid_body(&server, &browser, ServiceId::Complaint).await;
    body["answers"]["date_known"] = json!("approximate");
    let ack = filed(&server, &browser, ServiceId::Complaint, "hidden-1", &body).await;
    let mut tenant = valid_body(&server, &browser, ServiceId::TenantVerification).await;
    tenant["answers"]["family.1.name"] = json!("Left Over");
    let ack2 = filed(
        &server,
        &browser,
        ServiceId::TenantVerification,
        "hidden-2",
        &tenant,
    )
    .await;
    for (reference, absent) in [(&ack, "incident_time"), (&ack2, "family.1.name")] {
        let stored: String = server
            .db()
            .query_row(
                "SELECT answers FROM filings WHERE reference = ?1",
                [reference["reference"].as_str().unwrap()],
                |r| r.get(0),
            )
            .unwrap();
        let stored: Value = serde_json::from_str(&stored).unwrap();
        assert!(stored.get(absent).is_none(), "{absent}");
    }
}

#[tokio::test]
async fn a_replay_answers_the_same_receipt_and_keys_are_per_service() {
    let server = Server::start_at(noon()).await;
    let browser = server.verified(MOBILE).await;
    let body = valid_body(&server, &browser, ServiceId::EmployeeVerification).await;
    let first = submit(
        &server,
        &browser,
        "employee-verification",
        Some("emv-key-1"),
        &body,
    )
    .await;
    assert_eq!(first.status(), StatusCode::CREATED);
    assert!(first.headers().get("idempotent-replayed").is_none());
    let first = first.bytes().await.unwrap();
    server.advance(5);
    let replay = submit(
        &server,
        &browser,
        "employee-verification",
        Some("emv-key-1"),
        &body,
    )
    .await;
    assert_eq!(replay.status(), StatusCode::CREATED);
    assert_eq!(replay.headers()["idempotent-replayed"], "true");
    assert_eq!(replay.bytes().await.unwrap(), first);
    assert_eq!(server.count("SELECT COUNT(*) FROM filings"), 1);

    // The same key for another service is that service's key: a filing of its own.
    let tenant = valid_body(&server, &browser, ServiceId::TenantVerification).await;
    let ack = filed(
        &server,
        &browser,
        ServiceId::TenantVerification,
        "emv-key-1",
        &tenant,
    )
    .await;
    assert_eq!(ack["reference"], "BR-TNV-2026-000001");
    assert_eq!(
        server.count("SELECT COUNT(*) FROM idempotency_keys WHERE key = 'emv-key-1'"),
        2
    );
}

/// Issue 16, item 1: the answer to a filing was lost, the citizen changed an answer and sent
/// again with the same key. The conflict names what the key filed, to that mobile only.
#[tokio::test]
async fn a_conflicting_retry_is_told_the_reference_its_key_filed() {
    let server = Server::start_at(noon()).await;
    let browser = server.verified(MOBILE).await;
    let body = valid_body(&server, &browser, ServiceId::TenantVerification).await;
    let ack = filed(
        &server,
        &browser,
        ServiceId::TenantVerification,
        "lost-answer",
        &body,
    )
    .await;
    let reference = ack["reference"].clone();

    let mut changed = body.clone();
    changed["answers"]["property_pin"] = json!("800002");
    // Even an answer that is now invalid: what the key filed comes first.
    let mut invalid = body.clone();
    invalid["answers"]["tenant_dob"] = json!("1/1/2020");
    let mut no_files = body.clone();
    no_files["attachments"] = json!([]);
    for retry in [&changed, &invalid, &no_files] {
        let response = submit(
            &server,
            &browser,
            "tenant-verification",
            Some("lost-answer"),
            retry,
        )
        .await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        let error = error_of(response).await;
        assert_eq!(
            error,
            json!({"code": "idempotency_conflict", "reference": reference})
        );
        // The typed contract reads it.
        let typed: contract::ApiErrorBody =
            serde_json::from_value(json!({ "error": error })).unwrap();
        assert_eq!(
            typed.error.reference.unwrap().as_str(),
            reference.as_str().unwrap()
        );
    }
    assert_eq!(server.count("SELECT COUNT(*) FROM filings"), 1);
    // The filing it names is the citizen's, readable in the same session.
    let view = browser
        .get(server.url(&format!("/api/v1/status/{}", reference.as_str().unwrap())))
        .send()
        .await
        .unwrap();
    assert_eq!(view.status(), StatusCode::OK);

    // Another mobile sending the same key learns nothing of it: keys are per mobile.
    let other_mobile = "9000000001";
    let other = server.verified(other_mobile).await;
    let mut theirs = valid_body(&server, &other, ServiceId::TenantVerification).await;
    theirs["answers"]["mobile"] = json!(other_mobile);
    let response = submit(
        &server,
        &other,
        "tenant-verification",
        Some("lost-answer"),
        &theirs,
    )
    .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let theirs_ack: Value = response.json().await.unwrap();
    assert_eq!(theirs_ack["reference"], "BR-TNV-2026-000002");
}

#[tokio::test]
async fn a_photo_service_takes_exactly_its_photo_and_no_pdf() {
    let server = Server::start_at(noon()).await;
    let browser = server.verified(MOBILE).await;
    let answers = answers(&server, ServiceId::DriverVerification);
    let pdf = upload(&server, &browser, PDF).await;
    let png = upload(&server, &browser, PNG).await;
    let jpeg = upload(&server, &browser, JPEG).await;
    let cases = [
        (json!([&pdf]), "wrong_file_type"),
        (json!([]), "required"),
        (json!([&png, &jpeg]), "too_many"),
        (json!(["no-such-file"]), "invalid"),
    ];
    for (i, (attachments, code)) in cases.into_iter().enumerate() {
        let body = json!({ "answers": &answers, "attachments": attachments });
        let key = format!("photo-case-{i}");
        let response = submit(&server, &browser, "driver-verification", Some(&key), &body).await;
        assert_eq!(
            field_errors(response).await,
            [json!({"field": "attachments", "code": code})],
            "{attachments}"
        );
    }
    // A JPEG is a photo too.
    let body = json!({ "answers": &answers, "attachments": [&jpeg] });
    let ack = filed(
        &server,
        &browser,
        ServiceId::DriverVerification,
        "photo-ok",
        &body,
    )
    .await;
    assert_eq!(ack["attachments"], 1);
    // The complaint, which takes documents, still takes the PDF.
    let body = json!({ "answers": common::complaint_answers(&server), "attachments": [&pdf] });
    let ack = filed(
        &server,
        &browser,
        ServiceId::Complaint,
        "pdf-is-fine",
        &body,
    )
    .await;
    assert_eq!(ack["attachments"], 1);
}

#[tokio::test]
async fn a_verification_needs_the_session_of_its_applicants_mobile() {
    let server = Server::start_at(noon()).await;
    let other = server.verified("9123456789").await;
    let body = valid_body(&server, &other, ServiceId::EmployeeVerification).await;
    // The contact person's mobile is the applicant's; this session verified another.
    let response = submit(
        &server,
        &other,
        "employee-verification",
        Some("emv-other"),
        &body,
    )
    .await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(error_of(response).await, json!({"code": "not_verified"}));
    let response = submit(
        &server,
        &server.browser(),
        "employee-verification",
        Some("emv-anon"),
        &body,
    )
    .await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(server.count("SELECT COUNT(*) FROM filings"), 0);
}

async fn officer_advance(server: &Server, args: &[&str]) -> std::process::Output {
    let mut command = std::process::Command::new(BIN);
    command
        .args(["officer", "advance", "--db"])
        .arg(&server.db)
        .args(args);
    tokio::task::spawn_blocking(move || command.output().unwrap())
        .await
        .unwrap()
}

#[tokio::test]
async fn officer_advance_takes_a_tenant_verification_to_approved() {
    let server = Server::start_at(noon()).await;
    let browser = server.verified(MOBILE).await;
    let body = valid_body(&server, &browser, ServiceId::TenantVerification).await;
    let ack = filed(
        &server,
        &browser,
        ServiceId::TenantVerification,
        "advance-1",
        &body,
    )
    .await;
    let reference = ack["reference"].as_str().unwrap().to_owned();

    // A complaint's step is not this lifecycle's.
    let out = officer_advance(&server, &[&reference, "received"]).await;
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("cannot move"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let steps = [
        ("submitted", "pending_at_station"),
        ("pending_at_station", "verification_in_progress"),
        ("verification_in_progress", "approved"),
    ];
    for (from, to) in steps {
        let out = officer_advance(&server, &[&reference, to]).await;
        assert!(
            out.status.success(),
            "{to}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            String::from_utf8(out.stdout).unwrap().trim(),
            format!("{reference}: {from} → {to}")
        );
    }
    let view: Value = browser
        .get(server.url(&format!("/api/v1/status/{reference}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(view["service"], "tenant-verification");
    assert_eq!(view["current"], "approved");
    assert_eq!(view["is_final"], true);
    assert_eq!(view["next"], Value::Null);
    let statuses: Vec<&str> = view["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        statuses,
        [
            "submitted",
            "pending_at_station",
            "verification_in_progress",
            "approved"
        ]
    );
    assert_eq!(
        view["events"][1]["note_en"],
        "Your request has reached Kotwali police station."
    );
    assert_eq!(view["events"][3]["note_hi"], "आपका अनुरोध स्वीकृत हो गया है।");
    // Final: nothing moves it on.
    let out = officer_advance(&server, &[&reference, "rejected"]).await;
    assert!(!out.status.success());
}

/// What citizens and attackers type into text boxes: markup, a paste far over any limit,
/// direction overrides and zero-width characters, emoji, Devanagari and Latin digits mixed.
const HOSTILE: [&str; 4] = [
    "<script>alert(1)</script><img src=x onerror=alert(1)>",
    "\u{202E}Sita\u{202C} Devi\u{200B}\u{200C}\u{200D}",
    "चोरी 📱🔥 हुई 👨‍👩‍👧",
    "मकान १२3 गली ४5",
];

#[tokio::test]
async fn hostile_text_in_every_text_field_of_every_service_is_filed_or_refused_on_that_field() {
    // Every tip counts against the one test address's anonymous limit: no limit here.
    let server = Server::start_with(|c| c.anonymous_per_window = usize::MAX).await;
    server.advance((noon() - Utc::now()).num_seconds());
    let browser = server.verified(MOBILE).await;
    let long = "क".repeat(10_000);
    let mut n = 0;
    let (mut filed_count, mut refused_count) = (0, 0);
    for service in ALL {
        let mut base = valid_body(&server, &browser, service).await;
        let text_fields: Vec<String> = base["answers"]
            .as_object()
            .unwrap()
            .keys()
            .filter(|key| {
                service.spec().field(key).is_some_and(|f| {
                    matches!(
                        f.widget,
                        contract::forms::Widget::Text | contract::forms::Widget::Textarea
                    )
                })
            })
            .cloned()
            .collect();
        assert!(!text_fields.is_empty(), "{service}");
        for field in &text_fields {
            for payload in HOSTILE.iter().copied().chain([long.as_str()]) {
                n += 1;
                let mut body = base.clone();
                body["answers"][field] = json!(payload);
                let key = format!("hostile-{n:05}");
                let response = submit(&server, &browser, service.slug(), Some(&key), &body).await;
                let status = response.status();
                match status {
                    StatusCode::CREATED => {
                        assert_ne!(payload, long, "{service} {field}: 10,000 characters filed");
                        filed_count += 1;
                        // The filing took its photo with it: new ones for the next.
                        base = valid_body(&server, &browser, service).await;
                    }
                    StatusCode::UNPROCESSABLE_ENTITY => {
                        refused_count += 1;
                        let errors = field_errors(response).await;
                        assert!(!errors.is_empty(), "{service} {field}");
                        for error in &errors {
                            assert_eq!(error["field"], json!(field), "{service} {payload:?}");
                            assert!(error["code"].as_str().is_some_and(|c| !c.is_empty()));
                        }
                        if payload == long {
                            assert!(
                                errors
                                    .iter()
                                    .any(|e| e["code"] == "too_long" || e["code"] == "invalid"),
                                "{service} {field}: {errors:?}"
                            );
                        }
                    }
                    other => panic!("{service} {field} {payload:?}: {other}"),
                }
            }
        }
    }
    // Markup and the rest are text like any other: most free-text fields take them.
    assert!(
        filed_count > 0 && refused_count > 0,
        "{filed_count} {refused_count}"
    );
    // Nothing stored was turned into markup or lost its characters: the script is stored as
    // typed, the direction overrides are removed.
    let stored: Vec<String> = server
        .db()
        .prepare("SELECT answers FROM filings")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let all = stored.join("\n");
    assert!(
        all.contains("<script>alert(1)</script>"),
        "markup stored as typed"
    );
    let overridden: Vec<&String> = stored.iter().filter(|a| a.contains('\u{202E}')).collect();
    assert!(
        overridden.is_empty(),
        "a direction override was stored: {overridden:?}"
    );
    assert!(all.contains("मकान १२3 गली ४5"));
}
