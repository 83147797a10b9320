//! The registry of services a citizen can file: [`ServiceId`] is the one spelling of a service
//! (its URL slug, reference code, lifecycle and text namespace), [`ALL`] lists them in the
//! order the home page shows them, and [`ServiceId::spec`] is each one's declaration, one file
//! per service under `services/`. Shared blocks of questions live in [`blocks`].

pub mod blocks;
pub mod character_certificate;
pub mod checks;
pub mod complaint;
pub mod domestic_help_verification;
pub mod driver_verification;
pub mod employee_verification;
pub mod event_permission;
pub mod lost_article;
pub mod missing_person;
pub mod tenant_verification;
pub mod tip_off;

use crate::forms::ServiceSpec;
use crate::lifecycle::Lifecycle;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A service that files something and gets a reference. Serialised as its slug.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ServiceId {
    Complaint,
    TenantVerification,
    DomesticHelpVerification,
    DriverVerification,
    EmployeeVerification,
    CharacterCertificate,
    EventPermission,
    LostArticle,
    MissingPerson,
    TipOff,
}

/// Every service, in the order the home page lists them.
pub const ALL: [ServiceId; 10] = [
    ServiceId::Complaint,
    ServiceId::TenantVerification,
    ServiceId::DomesticHelpVerification,
    ServiceId::DriverVerification,
    ServiceId::EmployeeVerification,
    ServiceId::CharacterCertificate,
    ServiceId::EventPermission,
    ServiceId::LostArticle,
    ServiceId::MissingPerson,
    ServiceId::TipOff,
];

impl ServiceId {
    /// The URL segment (`/tenant-verification/...`), and the wire and database name.
    pub const fn slug(self) -> &'static str {
        match self {
            ServiceId::Complaint => "complaint",
            ServiceId::TenantVerification => "tenant-verification",
            ServiceId::DomesticHelpVerification => "domestic-help-verification",
            ServiceId::DriverVerification => "driver-verification",
            ServiceId::EmployeeVerification => "employee-verification",
            ServiceId::CharacterCertificate => "character-certificate",
            ServiceId::EventPermission => "event-permission",
            ServiceId::LostArticle => "lost-article",
            ServiceId::MissingPerson => "missing-person",
            ServiceId::TipOff => "tip-off",
        }
    }

    /// The service part of its references: `BR-TNV-2026-000001`.
    pub const fn code(self) -> &'static str {
        match self {
            ServiceId::Complaint => "CMP",
            ServiceId::TenantVerification => "TNV",
            ServiceId::DomesticHelpVerification => "DHV",
            ServiceId::DriverVerification => "DRV",
            ServiceId::EmployeeVerification => "EMV",
            ServiceId::CharacterCertificate => "CHC",
            ServiceId::EventPermission => "EVP",
            // A lost report's number, as Delhi Police prints it: `BR-LR-2026-000001`.
            ServiceId::LostArticle => "LR",
            ServiceId::MissingPerson => "MSP",
            ServiceId::TipOff => "TIP",
        }
    }

    /// The locale file (`locales/{en,hi}/<ns>.json`) that holds the service's own text.
    pub const fn ns(self) -> &'static str {
        match self {
            ServiceId::Complaint => "complaint",
            ServiceId::TenantVerification => "tenant_verification",
            ServiceId::DomesticHelpVerification => "domestic_help_verification",
            ServiceId::DriverVerification => "driver_verification",
            ServiceId::EmployeeVerification => "employee_verification",
            ServiceId::CharacterCertificate => "character_certificate",
            ServiceId::EventPermission => "event_permission",
            ServiceId::LostArticle => "lost_article",
            ServiceId::MissingPerson => "missing_person",
            ServiceId::TipOff => "tip_off",
        }
    }

    pub const fn lifecycle(self) -> Lifecycle {
        match self {
            ServiceId::Complaint => Lifecycle::Complaint,
            ServiceId::TipOff => Lifecycle::Tip,
            _ => Lifecycle::ServiceRequest,
        }
    }

    /// The declared step ids, in order: what the app's routes need, without linking the
    /// declarations themselves (fields, rules, checks) into the light first-load bundle.
    pub fn step_ids(self) -> &'static [&'static str] {
        /// The spec's step ids, evaluated at compile time.
        macro_rules! ids {
            ($spec:path) => {{
                const N: usize = $spec.steps.len();
                const IDS: [&str; N] = crate::forms::step_ids::<N>(&$spec);
                &IDS
            }};
        }
        match self {
            ServiceId::Complaint => ids!(complaint::SPEC),
            ServiceId::TenantVerification => ids!(tenant_verification::SPEC),
            ServiceId::DomesticHelpVerification => ids!(domestic_help_verification::SPEC),
            ServiceId::DriverVerification => ids!(driver_verification::SPEC),
            ServiceId::EmployeeVerification => ids!(employee_verification::SPEC),
            ServiceId::CharacterCertificate => ids!(character_certificate::SPEC),
            ServiceId::EventPermission => ids!(event_permission::SPEC),
            ServiceId::LostArticle => ids!(lost_article::SPEC),
            ServiceId::MissingPerson => ids!(missing_person::SPEC),
            ServiceId::TipOff => ids!(tip_off::SPEC),
        }
    }

    pub fn spec(self) -> &'static ServiceSpec {
        match self {
            ServiceId::Complaint => &complaint::SPEC,
            ServiceId::TenantVerification => &tenant_verification::SPEC,
            ServiceId::DomesticHelpVerification => &domestic_help_verification::SPEC,
            ServiceId::DriverVerification => &driver_verification::SPEC,
            ServiceId::EmployeeVerification => &employee_verification::SPEC,
            ServiceId::CharacterCertificate => &character_certificate::SPEC,
            ServiceId::EventPermission => &event_permission::SPEC,
            ServiceId::LostArticle => &lost_article::SPEC,
            ServiceId::MissingPerson => &missing_person::SPEC,
            ServiceId::TipOff => &tip_off::SPEC,
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// The service a reference was issued for, by its code (`BR-TNV-...`).
    pub fn from_reference(reference: &crate::Reference) -> Option<Self> {
        let code = reference.as_str().split('-').nth(1)?;
        ALL.into_iter().find(|s| s.code() == code)
    }
}

impl fmt::Display for ServiceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::{Applicant, Widget};
    use std::collections::BTreeSet;

    #[test]
    fn slugs_codes_and_namespaces_are_unique() {
        let slugs: BTreeSet<_> = ALL.iter().map(|s| s.slug()).collect();
        let codes: BTreeSet<_> = ALL.iter().map(|s| s.code()).collect();
        let ns: BTreeSet<_> = ALL.iter().map(|s| s.ns()).collect();
        assert_eq!(slugs.len(), ALL.len());
        assert_eq!(
            codes.len(),
            ALL.len(),
            "two services share a reference code"
        );
        assert_eq!(ns.len(), ALL.len());
        for s in ALL {
            assert_eq!(ServiceId::from_slug(s.slug()), Some(s));
            assert_eq!(s.ns(), s.slug().replace('-', "_"));
            assert_eq!(
                serde_json::to_string(&s).unwrap(),
                format!("\"{}\"", s.slug())
            );
            let r = crate::Reference::new("BR", s.code(), 2026, 1);
            assert_eq!(ServiceId::from_reference(&r), Some(s));
        }
    }

    /// What every journey relies on, checked for every declaration: the policies name
    /// declared fields of the right kind, step and field ids are unique.
    #[test]
    fn every_declaration_is_consistent_with_its_policies() {
        for s in ALL {
            let spec = s.spec();
            match spec.applicant {
                Applicant::Verified { mobile_field } => {
                    let mobile = spec.field(mobile_field).expect("mobile field declared");
                    assert_eq!(mobile.rule, crate::forms::Rule::Mobile, "{s}");
                    assert!(!mobile.optional, "{s}: the applicant's mobile is required");
                }
                Applicant::Anonymous => {}
            }
            // The tip lifecycle (nothing said but received / action taken) is exactly the
            // anonymous services': the status pages tell a tip by its lifecycle alone.
            assert_eq!(
                s.lifecycle() == crate::lifecycle::Lifecycle::Tip,
                spec.applicant.is_anonymous(),
                "{s}"
            );
            let district = spec.field(spec.routing.district_field).expect("district");
            assert_eq!(district.widget, Widget::District, "{s}");
            let station = spec.field(spec.routing.station_field).expect("station");
            assert_eq!(
                station.widget,
                Widget::Station {
                    district_field: spec.routing.district_field
                },
                "{s}"
            );
            if let Some(a) = spec.attachments {
                let step = spec.step(a.step).expect("attachments step declared");
                assert!(step.fields.is_empty() && step.groups.is_empty(), "{s}");
                assert!(a.min <= a.max && a.max > 0, "{s}");
            }
            let ids: Vec<_> = spec.steps.iter().map(|st| st.id).collect();
            assert_eq!(s.step_ids(), ids.as_slice(), "{s}");
            let steps: BTreeSet<_> = spec.steps.iter().map(|st| st.id).collect();
            assert_eq!(steps.len(), spec.steps.len(), "{s}: step ids repeat");
            for reserved in ["check", "verify", "confirmation"] {
                assert!(
                    !steps.contains(reserved),
                    "{s}: step id {reserved} is a page"
                );
            }
            // The slip prints declared answers: top-level fields, or every entry of a group.
            assert!(
                !spec.acknowledgement.slip.is_empty(),
                "{s}: nothing on the slip"
            );
            for key in spec.acknowledgement.slip {
                let field = spec.field(key).is_some();
                let group = spec
                    .steps
                    .iter()
                    .any(|st| st.groups.iter().any(|g| g.id == *key));
                assert!(
                    field || group,
                    "{s}: slip names {key}, which is not declared"
                );
            }
            let mut ids = BTreeSet::new();
            for st in spec.steps {
                for f in st.fields {
                    assert!(!f.id.is_empty(), "{s}: empty field id");
                    assert!(ids.insert(f.id), "{s}: field {} declared twice", f.id);
                }
                for g in st.groups {
                    assert!(ids.insert(g.id), "{s}: group {} declared twice", g.id);
                }
            }
        }
    }
}
