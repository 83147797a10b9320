use clap::{Parser, Subcommand};
use nagrik_server::config::{Clock, DEFAULT_POLL_SECS};
use nagrik_server::{app, firs, import, officer, report, serve, shutdown_signal, Config};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

/// Nagrik Seva reference server.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the API and the built app.
    Serve {
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: SocketAddr,
        /// SQLite database file; created with its directory when missing.
        #[arg(long, default_value = "data/nagrik.sqlite3")]
        db: PathBuf,
        /// Trunk's output directory.
        #[arg(long, default_value = "dist")]
        dist: PathBuf,
        /// Accept this OTP instead of sending an SMS (demos and tests only).
        #[arg(long)]
        demo_otp: Option<String>,
        /// Seconds between a status page's polls (sent as X-Poll-Interval).
        #[arg(long, default_value_t = DEFAULT_POLL_SECS)]
        poll_interval: u64,
        /// Always mark the session cookie Secure (set this behind a TLS proxy that does not
        /// send X-Forwarded-Proto).
        #[arg(long)]
        secure_cookies: bool,
        /// Anonymous requests (a confidential tip, its file, its status) one client address
        /// may make in 10 minutes; counted in memory only.
        #[arg(long, default_value_t = nagrik_server::limit::MAX_PER_WINDOW)]
        anonymous_limit: usize,
    },
    /// Replace the sample police stations with a state's list (CSV:
    /// district_code,station_code,name_en,name_hi[,phone[,email]]).
    ImportMasters {
        #[arg(long, default_value = "data/nagrik.sqlite3")]
        db: PathBuf,
        file: PathBuf,
    },
    /// Load registered FIRs for FIR copies, all or nothing (CSV or a JSON array; every row
    /// needs `sensitive`: yes withholds it). Columns: see `server/src/firs.rs`.
    ImportFirs {
        #[arg(long, default_value = "data/nagrik.sqlite3")]
        db: PathBuf,
        file: PathBuf,
    },
    /// A police officer's actions on filings (a stand-in for the station's system).
    Officer {
        #[command(subcommand)]
        command: OfficerCommand,
    },
    /// Print raw/gzip/brotli sizes of dist and check the first-load size against a budget.
    AssetReport {
        #[arg(long, default_value = "dist")]
        dist: PathBuf,
        #[arg(long, default_value_t = 150.0)]
        budget_kib: f64,
        /// Another entry page (a path in dist, e.g. `status/index.html`) whose load must fit
        /// the budget too; repeatable. index.html is always measured.
        #[arg(long = "entry")]
        entries: Vec<String>,
        /// Also write the numbers as JSON to this file.
        #[arg(long)]
        json: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum OfficerCommand {
    /// Record a filing's next step, e.g. `officer advance BR-CMP-2026-000001 received`.
    /// Safe while the server runs on the same database.
    Advance {
        #[arg(long, default_value = "data/nagrik.sqlite3")]
        db: PathBuf,
        /// The filing's reference, e.g. BR-CMP-2026-000001.
        reference: String,
        /// The new status: received, under_enquiry, fir_registered, under_investigation,
        /// charge_sheeted, final_report, transferred, closed, rejected, pending_at_station,
        /// verification_in_progress, approved, or for a tip action_taken.
        status: String,
        /// A note for the citizen in English (with --note-hi; default: a standard note).
        #[arg(long, requires = "note_hi")]
        note_en: Option<String>,
        /// The same note in Hindi.
        #[arg(long, requires = "note_en")]
        note_hi: Option<String>,
        /// The FIR number; required with fir_registered.
        #[arg(long)]
        fir_number: Option<String>,
        /// The police-station code where the step happened (default: the filing's station;
        /// for transferred, the station it went to).
        #[arg(long)]
        office: Option<String>,
    },
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Serve {
            addr,
            db,
            dist,
            demo_otp,
            poll_interval,
            secure_cookies,
            anonymous_limit,
        } => run_server(
            Config {
                db,
                dist,
                demo_otp,
                poll_interval: Duration::from_secs(poll_interval),
                secure_cookies,
                anonymous_per_window: anonymous_limit,
                clock: Clock::system(),
            },
            addr,
        ),
        Command::ImportMasters { db, file } => import::run(&db, &file),
        Command::ImportFirs { db, file } => firs::run(&db, &file),
        Command::Officer {
            command:
                OfficerCommand::Advance {
                    db,
                    reference,
                    status,
                    note_en,
                    note_hi,
                    fir_number,
                    office,
                },
        } => officer::run(
            &db,
            &officer::Advance {
                reference,
                status,
                note_en,
                note_hi,
                fir_number,
                office,
            },
        ),
        Command::AssetReport {
            dist,
            budget_kib,
            entries,
            json,
        } => report::run(&dist, budget_kib, &entries, json.as_deref()),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("nagrik-server: {err}");
            ExitCode::FAILURE
        }
    }
}

fn run_server(config: Config, addr: SocketAddr) -> Result<ExitCode, nagrik_server::BoxError> {
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let router = app(config).await?;
        println!("nagrik-server: serving http://{}", listener.local_addr()?);
        serve(listener, router, shutdown_signal()).await?;
        Ok(ExitCode::SUCCESS)
    })
}
