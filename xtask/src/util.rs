//! Process helpers shared by every task: a PATH that finds the installed tools, commands that
//! say which one failed, a guard that always stops a background server, and a tiny HTTP probe.

use std::env;
use std::ffi::OsString;
use std::fmt;
use std::fs;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// A task failure, already phrased for the person at the terminal.
#[derive(Debug)]
pub struct Failure(pub String);

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Failure(e.to_string())
    }
}

pub type Result<T = ()> = std::result::Result<T, Failure>;

pub fn fail<T>(msg: impl Into<String>) -> Result<T> {
    Err(Failure(msg.into()))
}

/// The workspace root and the PATH every child process gets.
pub struct Ctx {
    pub root: PathBuf,
    path: OsString,
}

impl Ctx {
    pub fn new() -> Ctx {
        let root = workspace_root();
        let cargo_bin = env::var_os("CARGO_HOME")
            .map(PathBuf::from)
            .or_else(|| env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
            .unwrap_or_else(|| PathBuf::from(".cargo"))
            .join("bin");
        // Trunk looks for wasm-bindgen and wasm-opt on PATH before it tries (and fails) to
        // download them, so the installed copies must come first.
        let mut dirs = vec![cargo_bin, root.join("xtask/tools/node_modules/.bin")];
        dirs.extend(env::split_paths(&env::var_os("PATH").unwrap_or_default()));
        let path = env::join_paths(dirs).expect("PATH entries contain no separator");
        Ctx { root, path }
    }

    /// A command run from the workspace root with the tool PATH.
    pub fn cmd(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut cmd = Command::new(program);
        cmd.current_dir(&self.root)
            .env("PATH", &self.path)
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        cmd
    }

    pub fn server_bin(&self) -> PathBuf {
        self.root.join("target/debug/nagrik-server")
    }
}

pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_path_buf()
}

/// `program arg arg` as the user would type it, for logs and error messages.
pub fn describe(cmd: &Command) -> String {
    let mut line = cmd.get_program().to_string_lossy().into_owned();
    for arg in cmd.get_args() {
        let arg = arg.to_string_lossy();
        if arg.contains(' ') || arg.is_empty() {
            line.push_str(&format!(" '{arg}'"));
        } else {
            line.push(' ');
            line.push_str(&arg);
        }
    }
    match cmd.get_current_dir() {
        Some(dir) if dir != workspace_root() => format!("{line}  (in {})", dir.display()),
        _ => line,
    }
}

/// Runs a command to completion with inherited stdio; a non-zero exit names the command.
pub fn run(cmd: &mut Command) -> Result {
    println!("$ {}", describe(cmd));
    let status = spawn(cmd)?.wait()?;
    check(cmd, status)
}

pub fn spawn(cmd: &mut Command) -> Result<Child> {
    cmd.spawn()
        .map_err(|e| Failure(format!("could not start `{}`: {e}", describe(cmd))))
}

pub fn check(cmd: &Command, status: ExitStatus) -> Result {
    if status.success() {
        Ok(())
    } else {
        fail(format!("command failed ({status}): {}", describe(cmd)))
    }
}

/// Stdout of a command that succeeded, or None when it is missing or failed.
pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.stderr(Stdio::null()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// A port that was free a moment ago.
pub fn free_port() -> Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// The status code of `GET path` on 127.0.0.1:port, if the server answered at all.
pub fn http_status(port: u16, path: &str) -> Option<u16> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    let request =
        format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).ok()?;
    let mut head = [0u8; 32];
    let n = stream.read(&mut head).ok()?;
    let line = String::from_utf8_lossy(&head[..n]);
    line.split_whitespace().nth(1)?.parse().ok()
}

/// A background server that is killed when the guard goes out of scope, failure or not.
pub struct Server {
    child: Child,
    pub port: u16,
    pub log: PathBuf,
}

impl Server {
    /// Starts `cmd` with output to `log`, then waits for `GET /api/v1/health` to answer 200.
    pub fn start(mut cmd: Command, port: u16, log: PathBuf) -> Result<Server> {
        if let Some(dir) = log.parent() {
            fs::create_dir_all(dir)?;
        }
        let file = fs::File::create(&log)?;
        cmd.stdin(Stdio::null())
            .stdout(file.try_clone()?)
            .stderr(file);
        println!("$ {}  (log: {})", describe(&cmd), log.display());
        let child = spawn(&mut cmd)?;
        let mut server = Server { child, port, log };
        // The server brotli-compresses every file of dist (four bundles) before it listens:
        // about 25 s on two idle cores, measured at 104 s on a loaded one.
        server.wait_healthy(Duration::from_secs(240))?;
        Ok(server)
    }

    fn wait_healthy(&mut self, timeout: Duration) -> Result {
        let start = Instant::now();
        loop {
            if http_status(self.port, "/api/v1/health") == Some(200) {
                println!("server ready on http://127.0.0.1:{}", self.port);
                return Ok(());
            }
            if let Some(status) = self.child.try_wait()? {
                return fail(format!(
                    "server exited during start-up ({status}); its log:\n{}",
                    tail(&self.log, 40)
                ));
            }
            if start.elapsed() > timeout {
                return fail(format!(
                    "server did not answer GET /api/v1/health with 200 within {}s; its log:\n{}",
                    timeout.as_secs(),
                    tail(&self.log, 40)
                ));
            }
            thread::sleep(Duration::from_millis(200));
        }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The last `lines` lines of a text file, for error messages.
pub fn tail(path: &Path, lines: usize) -> String {
    let text = fs::read_to_string(path).unwrap_or_default();
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

/// A directory under the system temp dir, removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(prefix: &str) -> Result<TempDir> {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let dir = env::temp_dir().join(format!("{prefix}-{}-{nanos}", std::process::id()));
        fs::create_dir_all(&dir)?;
        Ok(TempDir(dir))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Stops Ctrl-C from killing xtask itself. Children spawned *before* this call keep the default
/// SIGINT action (they share the terminal's process group and stop on Ctrl-C), while xtask
/// survives to wait for them, clean up, and pass on their exit status.
pub fn ignore_ctrl_c() {
    #[cfg(unix)]
    {
        const SIGINT: i32 = 2;
        const SIG_IGN: usize = 1;
        extern "C" {
            fn signal(signum: i32, handler: usize) -> usize;
        }
        // SAFETY: installing SIG_IGN for SIGINT has no preconditions; libc is always linked.
        unsafe {
            signal(SIGINT, SIG_IGN);
        }
    }
}

/// xtask's exit code for a child's status: its code, or 128 + signal like a shell.
pub fn exit_code(status: ExitStatus) -> i32 {
    if let Some(code) = status.code() {
        return code;
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(sig) = status.signal() {
            return 128 + sig;
        }
    }
    1
}
