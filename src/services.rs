//! The services a citizen can choose on the home page: one list, in the order shown.

use crate::i18n::{keys::services as s, Key};

use contract::services::ServiceId;

/// A card on the home page: a service filed through the journey (declared in
/// `contract::services`), or a page of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Service {
    Journey(ServiceId),
    Status,
    FirCopy,
    Helplines,
}

impl Service {
    pub const ALL: [Service; 13] = [
        Service::Journey(ServiceId::Complaint),
        Service::Status,
        Service::Journey(ServiceId::TenantVerification),
        Service::Journey(ServiceId::DomesticHelpVerification),
        Service::Journey(ServiceId::DriverVerification),
        Service::Journey(ServiceId::EmployeeVerification),
        Service::Journey(ServiceId::CharacterCertificate),
        Service::Journey(ServiceId::EventPermission),
        Service::Journey(ServiceId::LostArticle),
        Service::Journey(ServiceId::MissingPerson),
        Service::Journey(ServiceId::TipOff),
        Service::FirCopy,
        Service::Helplines,
    ];

    /// The URL segment: a journey's is its `ServiceId` slug.
    pub const fn slug(self) -> &'static str {
        match self {
            Service::Journey(id) => id.slug(),
            Service::Status => "status",
            Service::FirCopy => "fir-copy",
            Service::Helplines => "helplines",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.slug() == slug)
    }

    pub const fn title(self) -> Key {
        match self {
            Service::Journey(ServiceId::Complaint) => s::COMPLAINT_TITLE,
            Service::Journey(ServiceId::TenantVerification) => s::TENANT_VERIFICATION_TITLE,
            Service::Journey(ServiceId::DomesticHelpVerification) => {
                s::DOMESTIC_HELP_VERIFICATION_TITLE
            }
            Service::Journey(ServiceId::DriverVerification) => s::DRIVER_VERIFICATION_TITLE,
            Service::Journey(ServiceId::EmployeeVerification) => s::EMPLOYEE_VERIFICATION_TITLE,
            Service::Journey(ServiceId::CharacterCertificate) => s::CHARACTER_CERTIFICATE_TITLE,
            Service::Journey(ServiceId::EventPermission) => s::EVENT_PERMISSION_TITLE,
            Service::Journey(ServiceId::MissingPerson) => s::MISSING_PERSON_TITLE,
            Service::Journey(ServiceId::LostArticle) => s::LOST_ARTICLE_TITLE,
            Service::Journey(ServiceId::TipOff) => s::TIP_OFF_TITLE,
            Service::Status => s::STATUS_TITLE,
            Service::FirCopy => s::FIR_COPY_TITLE,
            Service::Helplines => s::HELPLINES_TITLE,
        }
    }

    pub const fn summary(self) -> Key {
        match self {
            Service::Journey(ServiceId::Complaint) => s::COMPLAINT_SUMMARY,
            Service::Journey(ServiceId::TenantVerification) => s::TENANT_VERIFICATION_SUMMARY,
            Service::Journey(ServiceId::DomesticHelpVerification) => {
                s::DOMESTIC_HELP_VERIFICATION_SUMMARY
            }
            Service::Journey(ServiceId::DriverVerification) => s::DRIVER_VERIFICATION_SUMMARY,
            Service::Journey(ServiceId::EmployeeVerification) => s::EMPLOYEE_VERIFICATION_SUMMARY,
            Service::Journey(ServiceId::CharacterCertificate) => s::CHARACTER_CERTIFICATE_SUMMARY,
            Service::Journey(ServiceId::EventPermission) => s::EVENT_PERMISSION_SUMMARY,
            Service::Journey(ServiceId::MissingPerson) => s::MISSING_PERSON_SUMMARY,
            Service::Journey(ServiceId::LostArticle) => s::LOST_ARTICLE_SUMMARY,
            Service::Journey(ServiceId::TipOff) => s::TIP_OFF_SUMMARY,
            Service::Status => s::STATUS_SUMMARY,
            Service::FirCopy => s::FIR_COPY_SUMMARY,
            Service::Helplines => s::HELPLINES_SUMMARY,
        }
    }
}

/// Free helplines, shown in the footer of every page and on the helplines page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Helpline {
    pub number: &'static str,
    pub name: Key,
    pub detail: Key,
}

pub const HELPLINES: [Helpline; 4] = {
    use crate::i18n::keys::common as c;
    [
        Helpline {
            number: "112",
            name: c::HELPLINE_112,
            detail: c::HELPLINE_112_DETAIL,
        },
        Helpline {
            number: "1930",
            name: c::HELPLINE_1930,
            detail: c::HELPLINE_1930_DETAIL,
        },
        Helpline {
            number: "1091",
            name: c::HELPLINE_1091,
            detail: c::HELPLINE_1091_DETAIL,
        },
        Helpline {
            number: "1098",
            name: c::HELPLINE_1098,
            detail: c::HELPLINE_1098_DETAIL,
        },
    ]
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_unique_and_round_trip() {
        for s in Service::ALL {
            assert_eq!(Service::from_slug(s.slug()), Some(s));
        }
        let mut slugs: Vec<_> = Service::ALL.iter().map(|s| s.slug()).collect();
        slugs.sort();
        slugs.dedup();
        assert_eq!(slugs.len(), Service::ALL.len());
    }

    #[test]
    fn every_declared_service_has_a_card() {
        for id in contract::services::ALL {
            assert!(Service::ALL.contains(&Service::Journey(id)), "{id}");
        }
    }
}
