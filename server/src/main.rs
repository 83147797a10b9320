use clap::{Parser, Subcommand};
use nagrik_server::config::Clock;
use nagrik_server::{app, import, report, serve, shutdown_signal, Config};
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
        /// Seconds between background polls.
        #[arg(long, default_value_t = 5)]
        poll_interval: u64,
        /// Always mark the session cookie Secure (set this behind a TLS proxy that does not
        /// send X-Forwarded-Proto).
        #[arg(long)]
        secure_cookies: bool,
    },
    /// Replace the sample police stations with a state's list (CSV:
    /// district_code,station_code,name_en,name_hi).
    ImportMasters {
        #[arg(long, default_value = "data/nagrik.sqlite3")]
        db: PathBuf,
        file: PathBuf,
    },
    /// Print raw/gzip/brotli sizes of dist and check the first-load size against a budget.
    AssetReport {
        #[arg(long, default_value = "dist")]
        dist: PathBuf,
        #[arg(long, default_value_t = 150.0)]
        budget_kib: f64,
        /// Also write the numbers as JSON to this file.
        #[arg(long)]
        json: Option<PathBuf>,
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
        } => run_server(
            Config {
                db,
                dist,
                demo_otp,
                poll_interval: Duration::from_secs(poll_interval),
                secure_cookies,
                clock: Clock::system(),
            },
            addr,
        ),
        Command::ImportMasters { db, file } => import::run(&db, &file),
        Command::AssetReport {
            dist,
            budget_kib,
            json,
        } => report::run(&dist, budget_kib, json.as_deref()),
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
