//! Each service's declaration: one file per service under `services/`.

pub mod complaint;
