//! The steps a filing goes through, for complaints and for service requests: which status may
//! follow which, which are final, and how long the next step usually takes.
//!
//! Complaint (BNSS; Odisha and Tamil Nadu timelines):
//! `submitted → received → under_enquiry → one of`
//! - `fir_registered → under_investigation → charge_sheeted | final_report`
//! - `transferred` (zero FIR sent to the station with jurisdiction)
//! - `closed` (non-cognizable, civil in nature, or compromise)
//! - `rejected`
//!
//! Service request: `submitted → pending_at_station → verification_in_progress → approved |
//! rejected`.
//!
//! Confidential tip: `received → action_taken`, and nothing else is ever said about it.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Every status of either lifecycle; `submitted` and `rejected` belong to both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Filed online; the citizen holds the reference.
    Submitted,
    /// Complaint: reached the police station.
    Received,
    /// Complaint: preliminary enquiry (BNSS section 173(3), up to 14 days).
    UnderEnquiry,
    /// Complaint: an FIR was registered (the view carries its number).
    FirRegistered,
    /// Complaint: the FIR is being investigated.
    UnderInvestigation,
    /// Complaint: investigation over, charge sheet filed in court. Final.
    ChargeSheeted,
    /// Complaint: investigation over, final report to the court. Final.
    FinalReport,
    /// Complaint: registered as a zero FIR and sent to the station with jurisdiction. Final.
    Transferred,
    /// Complaint: closed after enquiry (non-cognizable, civil in nature, compromise). Final.
    Closed,
    /// Either: not taken up, with a reason in the note. Final.
    Rejected,
    /// Service request: waiting at the police station.
    PendingAtStation,
    /// Service request: police verification under way.
    VerificationInProgress,
    /// Service request: approved; the certificate or permission can be downloaded. Final.
    Approved,
    /// Tip: the police acted on it. Final.
    ActionTaken,
}

impl Status {
    pub const ALL: [Status; 14] = [
        Status::Submitted,
        Status::Received,
        Status::UnderEnquiry,
        Status::FirRegistered,
        Status::UnderInvestigation,
        Status::ChargeSheeted,
        Status::FinalReport,
        Status::Transferred,
        Status::Closed,
        Status::Rejected,
        Status::PendingAtStation,
        Status::VerificationInProgress,
        Status::Approved,
        Status::ActionTaken,
    ];

    /// The wire and database spelling (the same as serde's).
    pub fn code(self) -> &'static str {
        match self {
            Status::Submitted => "submitted",
            Status::Received => "received",
            Status::UnderEnquiry => "under_enquiry",
            Status::FirRegistered => "fir_registered",
            Status::UnderInvestigation => "under_investigation",
            Status::ChargeSheeted => "charge_sheeted",
            Status::FinalReport => "final_report",
            Status::Transferred => "transferred",
            Status::Closed => "closed",
            Status::Rejected => "rejected",
            Status::PendingAtStation => "pending_at_station",
            Status::VerificationInProgress => "verification_in_progress",
            Status::Approved => "approved",
            Status::ActionTaken => "action_taken",
        }
    }

    pub fn from_code(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Which set of steps a filing follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lifecycle {
    Complaint,
    ServiceRequest,
    /// A confidential tip: it is received, and action is taken or not.
    Tip,
}

impl Lifecycle {
    /// The statuses this lifecycle uses, in their usual order.
    pub fn statuses(self) -> &'static [Status] {
        use Status::*;
        match self {
            Lifecycle::Complaint => &[
                Submitted,
                Received,
                UnderEnquiry,
                FirRegistered,
                UnderInvestigation,
                ChargeSheeted,
                FinalReport,
                Transferred,
                Closed,
                Rejected,
            ],
            Lifecycle::ServiceRequest => &[
                Submitted,
                PendingAtStation,
                VerificationInProgress,
                Approved,
                Rejected,
            ],
            Lifecycle::Tip => &[Received, ActionTaken],
        }
    }

    /// The status a filing starts in.
    pub fn first(self) -> Status {
        self.statuses()[0]
    }

    pub fn includes(self, s: Status) -> bool {
        self.statuses().contains(&s)
    }

    /// The statuses that may directly follow `from` (empty for a final status, or one this
    /// lifecycle does not use). When there are several, the first is the usual outcome.
    pub fn next_statuses(self, from: Status) -> &'static [Status] {
        use Status::*;
        match (self, from) {
            (Lifecycle::Complaint, Submitted) => &[Received],
            (Lifecycle::Complaint, Received) => &[UnderEnquiry],
            (Lifecycle::Complaint, UnderEnquiry) => &[FirRegistered, Transferred, Closed, Rejected],
            (Lifecycle::Complaint, FirRegistered) => &[UnderInvestigation],
            (Lifecycle::Complaint, UnderInvestigation) => &[ChargeSheeted, FinalReport],
            (Lifecycle::ServiceRequest, Submitted) => &[PendingAtStation],
            (Lifecycle::ServiceRequest, PendingAtStation) => &[VerificationInProgress],
            (Lifecycle::ServiceRequest, VerificationInProgress) => &[Approved, Rejected],
            (Lifecycle::Tip, Received) => &[ActionTaken],
            _ => &[],
        }
    }

    /// Whether an officer may record `to` after `from`: one step forward, never back, never
    /// out of a final status, never into the other lifecycle.
    pub fn can_move(self, from: Status, to: Status) -> bool {
        self.next_statuses(from).contains(&to)
    }

    /// No step follows: charge_sheeted, final_report, transferred, closed, rejected, approved,
    /// action_taken.
    pub fn is_final(self, s: Status) -> bool {
        use Status::*;
        self.includes(s)
            && matches!(
                s,
                ChargeSheeted
                    | FinalReport
                    | Transferred
                    | Closed
                    | Rejected
                    | Approved
                    | ActionTaken
            )
    }

    /// The step that usually comes next and in how many days, for "expected by" dates. After
    /// `under_enquiry` the status is the usual outcome (`fir_registered`) standing for "a
    /// decision": check `next_statuses(s).len() > 1` to word it so. `None` for final statuses
    /// and for `under_investigation`, which has no fixed timeline.
    pub fn next_expected(self, s: Status) -> Option<(Status, u32)> {
        use Status::*;
        let days = match (self, s) {
            // Online complaints reach the station's queue the next working day.
            (Lifecycle::Complaint, Submitted) => 1,
            (Lifecycle::Complaint, Received) => 3,
            // BNSS section 173(3): preliminary enquiry within 14 days.
            (Lifecycle::Complaint, UnderEnquiry) => 14,
            (Lifecycle::Complaint, FirRegistered) => 7,
            (Lifecycle::ServiceRequest, Submitted) => 1,
            (Lifecycle::ServiceRequest, PendingAtStation) => 2,
            // UP's published targets: character verification about 6 days (tenant about 8).
            (Lifecycle::ServiceRequest, VerificationInProgress) => 6,
            _ => return None,
        };
        self.next_statuses(s).first().map(|&next| (next, days))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Lifecycle::*;
    use Status::*;

    const COMPLAINT_MOVES: &[(Status, Status)] = &[
        (Submitted, Received),
        (Received, UnderEnquiry),
        (UnderEnquiry, FirRegistered),
        (UnderEnquiry, Transferred),
        (UnderEnquiry, Closed),
        (UnderEnquiry, Rejected),
        (FirRegistered, UnderInvestigation),
        (UnderInvestigation, ChargeSheeted),
        (UnderInvestigation, FinalReport),
    ];

    const SERVICE_MOVES: &[(Status, Status)] = &[
        (Submitted, PendingAtStation),
        (PendingAtStation, VerificationInProgress),
        (VerificationInProgress, Approved),
        (VerificationInProgress, Rejected),
    ];

    const TIP_MOVES: &[(Status, Status)] = &[(Received, ActionTaken)];

    #[test]
    fn every_allowed_transition_is_accepted_and_nothing_else() {
        for (lifecycle, moves) in [
            (Complaint, COMPLAINT_MOVES),
            (ServiceRequest, SERVICE_MOVES),
            (Tip, TIP_MOVES),
        ] {
            for &(from, to) in moves {
                assert!(lifecycle.can_move(from, to), "{lifecycle:?} {from} → {to}");
            }
            for from in Status::ALL {
                for to in Status::ALL {
                    assert_eq!(
                        lifecycle.can_move(from, to),
                        moves.contains(&(from, to)),
                        "{lifecycle:?} {from} → {to}"
                    );
                }
            }
        }
    }

    #[test]
    fn refuses_backwards_skipping_final_and_cross_lifecycle_moves() {
        for (lifecycle, from, to) in [
            (Complaint, Received, Submitted),
            (Complaint, FirRegistered, UnderEnquiry),
            (Complaint, UnderEnquiry, UnderEnquiry),
            (Complaint, Submitted, UnderEnquiry),
            (Complaint, Received, FirRegistered),
            (Complaint, FirRegistered, ChargeSheeted),
            (Complaint, Closed, UnderEnquiry),
            (Complaint, Transferred, FirRegistered),
            (Complaint, Rejected, Received),
            (Complaint, ChargeSheeted, FinalReport),
            (Complaint, Received, Approved),
            (Complaint, Submitted, PendingAtStation),
            (Complaint, UnderEnquiry, Approved),
            (ServiceRequest, Submitted, Received),
            (ServiceRequest, PendingAtStation, Approved),
            (ServiceRequest, Approved, Rejected),
            (ServiceRequest, Rejected, VerificationInProgress),
            (ServiceRequest, VerificationInProgress, FirRegistered),
            (ServiceRequest, PendingAtStation, Submitted),
        ] {
            assert!(!lifecycle.can_move(from, to), "{lifecycle:?} {from} → {to}");
        }
    }

    #[test]
    fn final_statuses() {
        for s in [ChargeSheeted, FinalReport, Transferred, Closed, Rejected] {
            assert!(Complaint.is_final(s), "{s}");
            assert!(Complaint.next_statuses(s).is_empty());
            assert_eq!(Complaint.next_expected(s), None);
        }
        assert!(ServiceRequest.is_final(Approved));
        assert!(ServiceRequest.is_final(Rejected));
        for s in [
            Submitted,
            Received,
            UnderEnquiry,
            FirRegistered,
            UnderInvestigation,
        ] {
            assert!(!Complaint.is_final(s), "{s}");
        }
        for s in [Submitted, PendingAtStation, VerificationInProgress] {
            assert!(!ServiceRequest.is_final(s), "{s}");
        }
        assert!(Tip.is_final(ActionTaken));
        assert!(!Tip.is_final(Received));
        assert!(!Complaint.is_final(ActionTaken));
        // Every non-final status of a lifecycle has a way on, and every final one none.
        for lifecycle in [Complaint, ServiceRequest, Tip] {
            for &s in lifecycle.statuses() {
                assert_eq!(
                    lifecycle.is_final(s),
                    lifecycle.next_statuses(s).is_empty(),
                    "{lifecycle:?} {s}"
                );
            }
        }
    }

    #[test]
    fn next_expected_steps_and_days() {
        assert_eq!(Complaint.next_expected(Submitted), Some((Received, 1)));
        assert_eq!(Complaint.next_expected(Received), Some((UnderEnquiry, 3)));
        assert_eq!(
            Complaint.next_expected(UnderEnquiry),
            Some((FirRegistered, 14))
        );
        assert_eq!(
            Complaint.next_expected(FirRegistered),
            Some((UnderInvestigation, 7))
        );
        assert_eq!(Complaint.next_expected(UnderInvestigation), None);
        assert_eq!(
            ServiceRequest.next_expected(Submitted),
            Some((PendingAtStation, 1))
        );
        assert_eq!(
            ServiceRequest.next_expected(PendingAtStation),
            Some((VerificationInProgress, 2))
        );
        assert_eq!(
            ServiceRequest.next_expected(VerificationInProgress),
            Some((Approved, 6))
        );
        assert_eq!(ServiceRequest.next_expected(Received), None);
        // The expected step is always an allowed one.
        for lifecycle in [Complaint, ServiceRequest] {
            for s in Status::ALL {
                if let Some((next, _)) = lifecycle.next_expected(s) {
                    assert!(lifecycle.can_move(s, next));
                }
            }
        }
    }

    #[test]
    fn services_pick_their_lifecycle() {
        use crate::services::ServiceId;
        assert_eq!(ServiceId::Complaint.lifecycle(), Complaint);
        assert_eq!(ServiceId::TenantVerification.lifecycle(), ServiceRequest);
        assert_eq!(ServiceId::DriverVerification.lifecycle(), ServiceRequest);
        assert_eq!(ServiceId::TipOff.lifecycle(), Tip);
        // A tip starts received: nothing about it is "submitted online" by anyone known.
        assert_eq!(Tip.first(), Received);
        assert_eq!(Complaint.first(), Submitted);
        assert_eq!(ServiceRequest.first(), Submitted);
    }

    #[test]
    fn codes_match_serde_and_parse_back() {
        for s in Status::ALL {
            assert_eq!(
                serde_json::to_string(&s).unwrap(),
                format!("\"{}\"", s.code())
            );
            assert_eq!(Status::from_code(s.code()), Some(s));
            assert_eq!(s.to_string(), s.code());
        }
        assert_eq!(Status::from_code("Received"), None);
        assert_eq!(Status::from_code(""), None);
        assert_eq!(
            serde_json::from_str::<Status>("\"verification_in_progress\"").unwrap(),
            VerificationInProgress
        );
    }
}
