//! Every route the server exposes is documented in `contract/openapi.yaml`, and vice versa.

use nagrik_server::API_ROUTES;
use std::collections::BTreeSet;

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// (METHOD, path) pairs under `paths:`, read by indentation: paths at two spaces, methods at
/// four. Enough for our hand-written file, and it fails loudly if the layout changes.
fn documented_routes(yaml: &str) -> BTreeSet<(String, String)> {
    let mut routes = BTreeSet::new();
    let mut in_paths = false;
    let mut path: Option<String> = None;
    for line in yaml.lines() {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        let key = line.trim().trim_end_matches(':');
        if indent == 0 {
            in_paths = line.trim() == "paths:";
            path = None;
        } else if in_paths && indent == 2 {
            path = Some(key.trim_matches(|c| c == '"' || c == '\'').to_owned());
        } else if in_paths && indent == 4 && METHODS.contains(&key) {
            let path = path.clone().expect("a method under a path");
            routes.insert((key.to_uppercase(), path));
        }
    }
    routes
}

#[test]
fn openapi_documents_exactly_the_served_routes() {
    let yaml = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../contract/openapi.yaml"
    ))
    .expect("contract/openapi.yaml exists");
    assert!(yaml.starts_with("openapi: 3.1"), "OpenAPI 3.1");
    let documented = documented_routes(&yaml);
    let served: BTreeSet<(String, String)> = API_ROUTES
        .iter()
        .map(|&(method, path)| (method.to_owned(), path.to_owned()))
        .collect();
    let missing: Vec<_> = served.difference(&documented).collect();
    assert!(
        missing.is_empty(),
        "routes served but not in openapi.yaml: {missing:?}"
    );
    let stale: Vec<_> = documented.difference(&served).collect();
    assert!(
        stale.is_empty(),
        "routes in openapi.yaml the server lacks: {stale:?}"
    );
}

#[test]
fn every_route_is_under_the_api_prefix() {
    for (_, path) in API_ROUTES {
        assert!(
            path.starts_with(&format!("{}/", contract::API_PREFIX)),
            "{path}"
        );
    }
}

#[test]
fn the_parser_sees_a_missing_route() {
    let yaml = "openapi: 3.1.0\npaths:\n  /api/v1/health:\n    get:\n      summary: x\ncomponents:\n  x:\n    get:\n";
    let routes = documented_routes(yaml);
    assert_eq!(routes.len(), 1);
    assert!(routes.contains(&("GET".into(), "/api/v1/health".into())));
}

#[test]
fn openapi_lists_every_service_with_its_reference_code() {
    let yaml = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../contract/openapi.yaml"
    ))
    .unwrap();
    for service in contract::services::ALL {
        let slug = format!("        - {}\n", service.slug());
        assert!(yaml.contains(&slug), "ServiceId enum lacks {service}");
        let row = format!("| `{}` | `{}` |", service.code(), service.slug());
        assert!(yaml.contains(&row), "Reference table lacks {row}");
    }
}
