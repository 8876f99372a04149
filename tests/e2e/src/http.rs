//! A minimal HTTP/1.1 client for talking to a WebDriver server on loopback: one request
//! per connection (`Connection: close`), JSON in and out, chunked replies decoded.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

/// Sends one request and returns the status code and the body.
pub fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    body: Option<&str>,
) -> std::io::Result<(u16, String)> {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(5))?;
    // Starting a browser can take a while (page loads and scripts time out at 30 s);
    // anything longer is a hang.
    stream.set_read_timeout(Some(Duration::from_secs(60)))?;
    let body = body.unwrap_or("");
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json; charset=utf-8\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    stream.write_all(body.as_bytes())?;
    // Read until the reply is complete: chromedriver says `Connection: close` but keeps
    // the socket open, so the end is found from the headers, not from EOF.
    let mut raw = Vec::new();
    let mut buffer = [0u8; 16 * 1024];
    loop {
        if let Some(reply) = parse_response(&raw) {
            return Ok(reply);
        }
        let read = stream.read(&mut buffer)?;
        if read == 0 {
            return parse_response_at_eof(&raw).ok_or_else(|| {
                std::io::Error::other(format!(
                    "malformed HTTP response: {:?}",
                    String::from_utf8_lossy(&raw[..raw.len().min(200)])
                ))
            });
        }
        raw.extend_from_slice(&buffer[..read]);
    }
}

/// The status and body once `raw` holds a complete reply (by `Content-Length` or
/// chunked encoding); `None` while more is needed.
fn parse_response(raw: &[u8]) -> Option<(u16, String)> {
    let (status, head, rest) = split_head(raw)?;
    let header = |name: &str| {
        head.lines().skip(1).find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name)
                .then(|| value.trim().to_ascii_lowercase())
        })
    };
    if header("transfer-encoding").is_some_and(|v| v.contains("chunked")) {
        return decode_chunked(rest).map(|body| (status, body));
    }
    let length: usize = header("content-length")?.parse().ok()?;
    let body = rest.get(..length)?;
    Some((status, String::from_utf8_lossy(body).into_owned()))
}

/// At end of stream, a reply without a length ends where the stream does.
fn parse_response_at_eof(raw: &[u8]) -> Option<(u16, String)> {
    parse_response(raw).or_else(|| {
        let (status, _, rest) = split_head(raw)?;
        Some((status, String::from_utf8_lossy(rest).into_owned()))
    })
}

fn split_head(raw: &[u8]) -> Option<(u16, &str, &[u8])> {
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = std::str::from_utf8(&raw[..split]).ok()?;
    let status = head
        .lines()
        .next()?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()?;
    Some((status, head, &raw[split + 4..]))
}

fn decode_chunked(mut rest: &[u8]) -> Option<String> {
    let mut body = Vec::new();
    loop {
        let end = rest.windows(2).position(|w| w == b"\r\n")?;
        let size_line = std::str::from_utf8(&rest[..end]).ok()?;
        let size = usize::from_str_radix(size_line.split(';').next()?.trim(), 16).ok()?;
        rest = &rest[end + 2..];
        if size == 0 {
            return Some(String::from_utf8_lossy(&body).into_owned());
        }
        body.extend_from_slice(rest.get(..size)?);
        rest = rest.get(size + 2..)?;
    }
}

#[cfg(test)]
mod tests {
    use super::{parse_response, parse_response_at_eof};

    #[test]
    fn reads_plain_and_chunked_bodies() {
        let plain = b"HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\n{\"a\"extra";
        assert_eq!(parse_response(plain), Some((200, "{\"a\"".into())));
        let chunked =
            b"HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n";
        assert_eq!(parse_response(chunked), Some((404, "abcde".into())));
        assert_eq!(parse_response(b"garbage"), None);
        // Incomplete: more bytes are needed.
        assert_eq!(
            parse_response(b"HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nabc"),
            None
        );
        let unsized_reply = b"HTTP/1.1 200 OK\r\n\r\nall of it";
        assert_eq!(
            parse_response_at_eof(unsized_reply),
            Some((200, "all of it".into()))
        );
    }
}
