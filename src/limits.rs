//! Per-user and per-group rate limits: token buckets with a burst, for
//! every door (Telegram's chats and groups, the web's clients).
//!
//! The defaults are far above what a person does: a burst of messages, as
//! when several are forwarded at once, is answered in full. Over a limit,
//! the first message gets one polite notice and the rest of that spell is
//! dropped (and counted by the caller), never queued, so one flooder costs
//! the others nothing.

use std::collections::HashMap;
use std::time::Instant;

/// How many messages a user and a group may send.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    /// Messages a user may send at once.
    pub user_burst: u32,
    /// Messages per minute a user may keep sending after a burst.
    pub user_per_minute: u32,
    /// Messages a group may send at once (all its members together).
    pub group_burst: u32,
    /// Messages per minute a group may keep sending after a burst.
    pub group_per_minute: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            user_burst: 15,
            user_per_minute: 20,
            group_burst: 30,
            group_per_minute: 40,
        }
    }
}

/// What to do with a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Answer it.
    Take,
    /// Over the limit for the first time in this spell: say so, once.
    Notice,
    /// Over the limit again: drop it.
    Drop,
}

/// The buckets of every user and group seen lately.
#[derive(Debug, Default)]
pub struct Limiter {
    limits: Limits,
    buckets: HashMap<Key, Bucket>,
    checks: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Key {
    User(u64),
    Group(i64),
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    at: Instant,
    /// The notice of this spell was given.
    noticed: bool,
}

/// Checks between two sweeps of the buckets that are full again.
const SWEEP_EVERY: u32 = 4096;

impl Limiter {
    pub fn new(limits: Limits) -> Limiter {
        Limiter {
            limits,
            buckets: HashMap::new(),
            checks: 0,
        }
    }

    /// The verdict on a message from `user`, in `group` where it was sent
    /// in one; takes a token from each bucket when it is answered.
    pub fn check(&mut self, user: Option<u64>, group: Option<i64>, now: Instant) -> Verdict {
        self.checks += 1;
        if self.checks >= SWEEP_EVERY {
            self.checks = 0;
            self.sweep(now);
        }
        let keys: Vec<(Key, f64, f64)> = user
            .map(|u| (Key::User(u), self.limits.user_burst, self.limits.user_per_minute))
            .into_iter()
            .chain(group.map(|g| (Key::Group(g), self.limits.group_burst, self.limits.group_per_minute)))
            .map(|(key, burst, rate)| (key, f64::from(burst.max(1)), f64::from(rate) / 60.0))
            .collect();
        let mut over = None;
        for &(key, burst, rate) in &keys {
            let bucket = self.buckets.entry(key).or_insert(Bucket {
                tokens: burst,
                at: now,
                noticed: false,
            });
            bucket.refill(burst, rate, now);
            if bucket.tokens < 1.0 && over.is_none() {
                over = Some(key);
            }
        }
        match over {
            None => {
                for (key, _, _) in keys {
                    if let Some(bucket) = self.buckets.get_mut(&key) {
                        bucket.tokens -= 1.0;
                    }
                }
                Verdict::Take
            }
            Some(key) => match self.buckets.get_mut(&key) {
                Some(bucket) if !bucket.noticed => {
                    bucket.noticed = true;
                    Verdict::Notice
                }
                _ => Verdict::Drop,
            },
        }
    }

    /// Forgets the buckets that are full again, so memory follows the
    /// users of the last minutes, not all users ever.
    fn sweep(&mut self, now: Instant) {
        let limits = self.limits;
        self.buckets.retain(|key, bucket| {
            let (burst, rate) = match key {
                Key::User(_) => (limits.user_burst, limits.user_per_minute),
                Key::Group(_) => (limits.group_burst, limits.group_per_minute),
            };
            let burst = f64::from(burst.max(1));
            bucket.refill(burst, f64::from(rate) / 60.0, now);
            bucket.tokens < burst
        });
    }
}

impl Bucket {
    /// Adds the tokens earned since the last check; a bucket full again
    /// ends the spell, so a later flood gets its notice.
    fn refill(&mut self, burst: f64, per_second: f64, now: Instant) {
        let earned = now.saturating_duration_since(self.at).as_secs_f64() * per_second;
        self.tokens = (self.tokens + earned).min(burst);
        self.at = now;
        if self.tokens >= burst {
            self.noticed = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn a_burst_is_taken_then_one_notice_then_drops_until_refilled() {
        let mut limiter = Limiter::new(Limits::default());
        let start = Instant::now();
        let verdicts: Vec<Verdict> = (0..20).map(|_| limiter.check(Some(1), None, start)).collect();
        assert!(verdicts[..15].iter().all(|v| *v == Verdict::Take));
        assert_eq!(verdicts[15], Verdict::Notice);
        assert!(verdicts[16..].iter().all(|v| *v == Verdict::Drop));
        // Another user is not affected.
        assert_eq!(limiter.check(Some(2), None, start), Verdict::Take);
        // Three seconds earn one message at 20 a minute.
        assert_eq!(
            limiter.check(Some(1), None, start + Duration::from_secs(3)),
            Verdict::Take
        );
        assert_eq!(
            limiter.check(Some(1), None, start + Duration::from_secs(3)),
            Verdict::Drop
        );
        // A minute of quiet ends the spell: the next flood is told again.
        let later = start + Duration::from_secs(60);
        let verdicts: Vec<Verdict> = (0..16).map(|_| limiter.check(Some(1), None, later)).collect();
        assert_eq!(verdicts[15], Verdict::Notice);
    }

    #[test]
    fn a_group_has_a_limit_of_its_own() {
        let mut limiter = Limiter::new(Limits::default());
        let now = Instant::now();
        let verdicts: Vec<Verdict> = (0..31).map(|u| limiter.check(Some(u), Some(-5), now)).collect();
        assert!(verdicts[..30].iter().all(|v| *v == Verdict::Take));
        assert_eq!(verdicts[30], Verdict::Notice);
        assert_eq!(limiter.check(Some(99), None, now), Verdict::Take);
    }
}
