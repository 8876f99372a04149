//! A recording proxy that lets nothing through: Chromium and Firefox are set up to send
//! all traffic that is not for loopback here (Chromium also resolves no host name but
//! loopback's; WebKitGTK runs without it, see `browser.rs`). It records what was asked
//! for and answers 502, so a request to any other host is both seen and fails, wherever
//! in the page or the browser it came from.

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;

pub struct RecordingProxy {
    addr: SocketAddr,
    log: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
}

impl RecordingProxy {
    pub fn start() -> RecordingProxy {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let addr = listener.local_addr().unwrap();
        let log = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (log2, stop2) = (log.clone(), stop.clone());
        thread::spawn(move || {
            for stream in listener.incoming() {
                if stop2.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(stream) = stream else { continue };
                let log = log2.clone();
                thread::spawn(move || refuse(stream, &log));
            }
        });
        RecordingProxy { addr, log, stop }
    }

    /// `127.0.0.1:PORT`, for the browser's proxy settings.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Every request the browser tried to send off the machine so far, as its request
    /// line (`CONNECT host:443 HTTP/1.1`, `POST http://host/path HTTP/1.1`).
    pub fn requests(&self) -> Vec<String> {
        self.log.lock().unwrap().clone()
    }

    /// The requests that are not the browser's own calls home ([`BROWSER_SERVICES`]):
    /// what a page asked for.
    pub fn page_requests(&self) -> Vec<String> {
        self.requests()
            .into_iter()
            .filter(|r| browser_service(r).is_none())
            .collect()
    }
}

/// The hosts (and their subdomains) that the browsers themselves call on their own —
/// updates, settings, accounts, autofill, the default search page — whatever page is
/// open, even with their background networking switched off. They are told apart from a
/// page's requests by name; `tests/trust.rs` checks that the quiz's build names none of
/// them, so this cannot hide a request of the quiz's.
pub const BROWSER_SERVICES: [&str; 6] = [
    "google.com",
    "googleapis.com",
    "gstatic.com",
    "duckduckgo.com",
    "mozilla.com",
    "mozilla.net",
];

/// The browser service a request line goes to, if any.
pub fn browser_service(request_line: &str) -> Option<&'static str> {
    let target = request_line.split_whitespace().nth(1)?;
    let host = target
        .trim_start_matches("http://")
        .trim_start_matches("https://")
        .split(['/', ':'])
        .next()?;
    BROWSER_SERVICES
        .into_iter()
        .find(|service| host == *service || host.ends_with(&format!(".{service}")))
}

impl Drop for RecordingProxy {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.addr);
    }
}

fn refuse(mut stream: TcpStream, log: &Mutex<Vec<String>>) {
    let mut reader = BufReader::new(&stream);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
        return;
    }
    log.lock().unwrap().push(request_line.trim().to_string());
    let _ = stream
        .write_all(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
}

#[cfg(test)]
mod tests {
    use super::browser_service;

    #[test]
    fn browser_services_are_told_apart_by_host() {
        let service = |line| browser_service(line);
        assert_eq!(
            service("CONNECT update.googleapis.com:443 HTTP/1.1"),
            Some("googleapis.com")
        );
        assert_eq!(
            service("GET http://clients2.google.com/time HTTP/1.1"),
            Some("google.com")
        );
        assert_eq!(
            service("CONNECT firefox.settings.services.mozilla.com:443 HTTP/1.1"),
            Some("mozilla.com")
        );
        assert_eq!(
            service("GET http://analytics.example.com/collect HTTP/1.1"),
            None
        );
        assert_eq!(service("GET http://evilgoogle.com/ HTTP/1.1"), None);
        assert_eq!(
            service("GET http://google.com.evil.example/ HTTP/1.1"),
            None
        );
    }
}
