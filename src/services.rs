//! The services a citizen can choose on the home page: one list, in the order shown.

use crate::i18n::{keys::services as s, Key};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Service {
    Complaint,
    Status,
    TenantVerification,
    DomesticHelpVerification,
    DriverVerification,
    EmployeeVerification,
    CharacterCertificate,
    EventPermission,
    LostArticle,
    MissingPerson,
    TipOff,
    FirCopy,
    Helplines,
}

impl Service {
    pub const ALL: [Service; 13] = [
        Service::Complaint,
        Service::Status,
        Service::TenantVerification,
        Service::DomesticHelpVerification,
        Service::DriverVerification,
        Service::EmployeeVerification,
        Service::CharacterCertificate,
        Service::EventPermission,
        Service::LostArticle,
        Service::MissingPerson,
        Service::TipOff,
        Service::FirCopy,
        Service::Helplines,
    ];

    /// The URL segment; also the service's folder name under `src/pages/` once it is built.
    pub const fn slug(self) -> &'static str {
        match self {
            Service::Complaint => "complaint",
            Service::Status => "status",
            Service::TenantVerification => "tenant-verification",
            Service::DomesticHelpVerification => "domestic-help-verification",
            Service::DriverVerification => "driver-verification",
            Service::EmployeeVerification => "employee-verification",
            Service::CharacterCertificate => "character-certificate",
            Service::EventPermission => "event-permission",
            Service::LostArticle => "lost-article",
            Service::MissingPerson => "missing-person",
            Service::TipOff => "tip-off",
            Service::FirCopy => "fir-copy",
            Service::Helplines => "helplines",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.slug() == slug)
    }

    pub const fn title(self) -> Key {
        match self {
            Service::Complaint => s::COMPLAINT_TITLE,
            Service::Status => s::STATUS_TITLE,
            Service::TenantVerification => s::TENANT_VERIFICATION_TITLE,
            Service::DomesticHelpVerification => s::DOMESTIC_HELP_VERIFICATION_TITLE,
            Service::DriverVerification => s::DRIVER_VERIFICATION_TITLE,
            Service::EmployeeVerification => s::EMPLOYEE_VERIFICATION_TITLE,
            Service::CharacterCertificate => s::CHARACTER_CERTIFICATE_TITLE,
            Service::EventPermission => s::EVENT_PERMISSION_TITLE,
            Service::LostArticle => s::LOST_ARTICLE_TITLE,
            Service::MissingPerson => s::MISSING_PERSON_TITLE,
            Service::TipOff => s::TIP_OFF_TITLE,
            Service::FirCopy => s::FIR_COPY_TITLE,
            Service::Helplines => s::HELPLINES_TITLE,
        }
    }

    pub const fn summary(self) -> Key {
        match self {
            Service::Complaint => s::COMPLAINT_SUMMARY,
            Service::Status => s::STATUS_SUMMARY,
            Service::TenantVerification => s::TENANT_VERIFICATION_SUMMARY,
            Service::DomesticHelpVerification => s::DOMESTIC_HELP_VERIFICATION_SUMMARY,
            Service::DriverVerification => s::DRIVER_VERIFICATION_SUMMARY,
            Service::EmployeeVerification => s::EMPLOYEE_VERIFICATION_SUMMARY,
            Service::CharacterCertificate => s::CHARACTER_CERTIFICATE_SUMMARY,
            Service::EventPermission => s::EVENT_PERMISSION_SUMMARY,
            Service::LostArticle => s::LOST_ARTICLE_SUMMARY,
            Service::MissingPerson => s::MISSING_PERSON_SUMMARY,
            Service::TipOff => s::TIP_OFF_SUMMARY,
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
}
