//! What the webhook tests and its benchmark share: raw HTTP/1.1 over TCP
//! as Telegram and attackers speak it, and an in-memory inbox that stores
//! each `update_id` once, as the durable inbox does.

use std::collections::HashSet;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use anyhow::Context as _;
use bytes::Bytes;
use lotse::bot::webhook::{Offer, OfferError};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// An inbox that records every offer and stores each `update_id` once, as
/// the durable inbox does.
#[derive(Default)]
pub struct Inbox {
    offered: Mutex<Vec<u64>>,
    stored: Mutex<HashSet<u64>>,
}

impl Inbox {
    pub fn offer(&self, body: &[u8]) -> Result<Offer, OfferError> {
        let update: serde_json::Value = serde_json::from_slice(body)?;
        let id = update["update_id"].as_u64().context("no update_id")?;
        self.offered.lock().unwrap().push(id);
        Ok(if self.stored.lock().unwrap().insert(id) {
            Offer::Accepted
        } else {
            Offer::Duplicate
        })
    }

    pub fn offered(&self) -> Vec<u64> {
        self.offered.lock().unwrap().clone()
    }

    pub fn stored(&self) -> usize {
        self.stored.lock().unwrap().len()
    }

    /// The inbox as the webhook's `offer`.
    pub fn door(self: &Arc<Self>) -> impl Fn(Bytes) -> std::future::Ready<Result<Offer, OfferError>> + Clone + use<> {
        let inbox = self.clone();
        move |body: Bytes| std::future::ready(inbox.offer(&body))
    }
}

/// An update as Telegram posts it: a private text message.
pub fn update(id: u64) -> String {
    serde_json::json!({"update_id": id, "message": {"message_id": 1, "date": 0, "chat": {"id": 7, "type": "private"}, "text": "hallo"}}).to_string()
}

/// A request as Telegram sends it, with `extra` header lines.
pub fn request(method: &str, path: &str, extra: &str, body: &str) -> String {
    format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n{extra}\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
}

/// Opens a connection that sends half a request head and then nothing.
pub async fn half_open(addr: SocketAddr) -> TcpStream {
    try_half_open(addr).await.expect("connects")
}

/// [`half_open`], or why the connection failed.
pub async fn try_half_open(addr: SocketAddr) -> std::io::Result<TcpStream> {
    let mut stream = TcpStream::connect(addr).await?;
    stream.write_all(b"POST /hook HTTP/1.1\r\nHost: 127.0.0.1\r\n").await?;
    Ok(stream)
}

/// Reads an answer's head from a keep-alive connection (the webhook's
/// answers have no body) and returns its status; None when it closed.
pub async fn read_head(stream: &mut TcpStream, buffer: &mut Vec<u8>) -> Option<u16> {
    buffer.clear();
    while !buffer.ends_with(b"\r\n\r\n") {
        let mut chunk = [0u8; 512];
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buffer.extend_from_slice(&chunk[..n]);
    }
    status(buffer)
}

/// The status of an HTTP/1.1 answer.
pub fn status(answer: &[u8]) -> Option<u16> {
    let answer = std::str::from_utf8(answer.get(..12)?).ok()?;
    answer.strip_prefix("HTTP/1.1 ")?.parse().ok()
}

/// Sockets this process holds open on the server side of `port`: its
/// socket descriptors whose local port that is, from /proc (client sockets
/// have it as their remote port). /proc's table lists the sockets of every
/// process, and it is no snapshot (read while sockets come and go, it may
/// list one twice), so sockets are counted by inode among our own.
#[cfg(target_os = "linux")]
pub fn server_sockets(port: u16) -> usize {
    let ours: HashSet<String> = std::fs::read_dir("/proc/self/fd")
        .unwrap()
        .filter_map(|fd| {
            let link = std::fs::read_link(fd.ok()?.path()).ok()?;
            let inode = link.to_str()?.strip_prefix("socket:[")?.strip_suffix(']')?;
            Some(inode.to_string())
        })
        .collect();
    let table = std::fs::read_to_string("/proc/self/net/tcp").unwrap();
    let server_side: HashSet<&str> = table
        .lines()
        .skip(1)
        .filter_map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let local_port = fields[1]
                .rsplit(':')
                .next()
                .and_then(|p| u16::from_str_radix(p, 16).ok());
            (local_port == Some(port) && ours.contains(fields[9])).then_some(fields[9])
        })
        .collect();
    // The listener is one of them.
    server_side.len().saturating_sub(1)
}
