//! The web door in one process on 127.0.0.1 over the shipped knowledge:
//! the time per answered page (the development queries, each in its
//! language, one after another on fresh connections, as a visitor's
//! browser asks), p50 and p99, and the weight of a page with everything it
//! loads (HTML, style sheet, script, icon). Prints JSON;
//! `docs/BENCHMARKS.md` records the figures.
//!
//! Run: `cargo bench --bench web` (optionally `-- ROUNDS`; default 20).

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::Arc;
use std::time::Instant;

use lotse::assistant::Assistant;
use lotse::index::Location;
use lotse::privacy::Pseudonyms;
use lotse::search::Library;
use lotse::store::{DEFAULT_LANGUAGE_TTL, Database, Memory, MemoryOptions, Store};
use lotse::web::{Limits, Settings, Web};

fn main() {
    let rounds: usize = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(20);
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("lotse.db");
    let memory = Memory::open(MemoryOptions {
        database: Database::Sqlite(path.clone()),
        forget_file: None,
        retention_days: 90,
        queue: 100_000,
        language_ttl: DEFAULT_LANGUAGE_TTL,
    });
    let (library, _) = Library::open(&root.join("knowledge"), &Location::Memory).expect("index builds");
    let assistant = Arc::new(Assistant::new(Arc::new(library), memory.clone()).with_journal(memory.clone(), 90));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let store = runtime.block_on(Store::open(&path)).unwrap();
    let web = Web::new(Settings {
        assistant,
        pseudonyms: Pseudonyms::new(b"a benchmark secret of 32 bytes or more"),
        admin_token: None,
        store,
        knowledge: root.join("knowledge"),
        location: Location::Memory,
        limits: Limits {
            user_burst: u32::MAX,
            user_per_minute: u32::MAX,
            ..Limits::default()
        },
        staff: None,
    });
    let listener = runtime.block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).unwrap();
    let addr = listener.local_addr().unwrap();
    runtime.spawn(lotse::web::serve(listener, web, std::future::pending()));

    let queries: Vec<(String, String)> = std::fs::read_to_string(root.join("tests/data/dev-queries.tsv"))
        .unwrap()
        .lines()
        .skip(1)
        .filter_map(|l| {
            let mut cols = l.split('\t');
            Some((cols.next()?.to_string(), cols.next()?.to_string()))
        })
        .collect();
    let paths: Vec<String> = queries
        .iter()
        .map(|(lang, q)| {
            let mut form = url::form_urlencoded::Serializer::new(String::new());
            form.append_pair("lang", lang).append_pair("q", q);
            format!("/?{}", form.finish())
        })
        .collect();
    // Warm up: the first search of each language builds its caches.
    for path in &paths {
        fetch(addr, path);
    }
    let mut times = Vec::new();
    for _ in 0..rounds {
        for path in &paths {
            let start = Instant::now();
            let (status, _) = fetch(addr, path);
            times.push(start.elapsed().as_micros() as u64);
            assert_eq!(status, 200, "{path}");
        }
    }
    times.sort_unstable();
    let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize];

    let assets: usize = ["/lotse.css", "/lotse.js", "/favicon.svg"]
        .iter()
        .map(|p| fetch(addr, p).1.len())
        .sum();
    let weigh = |path: &str| fetch(addr, path).1.len();
    let heaviest = paths.iter().map(|p| weigh(p)).max().unwrap_or(0);
    let report = serde_json::json!({
        "pages": times.len(),
        "page_us_p50": at(0.5),
        "page_us_p99": at(0.99),
        "page_us_max": at(1.0),
        "assets_bytes": assets,
        "start_page_bytes": weigh("/?lang=de"),
        "start_page_total_bytes": weigh("/?lang=de") + assets,
        "heaviest_answer_bytes": heaviest,
        "heaviest_answer_total_bytes": heaviest + assets,
        "entry_page_bytes": weigh("/e/maria-kotsina?lang=ar"),
    });
    println!("{}", serde_json::to_string_pretty(&report).unwrap());
    memory.close();
}

/// One GET on a fresh connection; the status and the body.
fn fetch(addr: SocketAddr, path: &str) -> (u16, Vec<u8>) {
    let mut stream = TcpStream::connect(addr).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map_or(raw.len(), |at| at + 4);
    let status = std::str::from_utf8(&raw[9..12])
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, raw[split..].to_vec())
}
