//! Giving memory the process freed back to the system.
//!
//! glibc keeps what is freed for the next allocation, in the arena of the
//! thread that freed it. After the few large, one-off steps of a server's
//! life (building an index, dropping the library a reload replaced) that
//! is hundreds of megabytes at 100,000 entries which nothing allocates
//! again, but which stay resident. Nothing is hidden: only pages no
//! allocation holds are given back.

/// Gives the memory freed so far back to the system, where the allocator
/// keeps it (glibc on Linux); elsewhere nothing.
pub fn give_back_freed() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` only releases free memory of glibc's own
    // arenas; it may be called at any time from any thread.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Gives the freed memory back when dropped: the last field of a large
/// value, so that it drops after the others.
#[derive(Debug, Default)]
pub struct GiveBackOnDrop;

impl Drop for GiveBackOnDrop {
    fn drop(&mut self) {
        give_back_freed();
    }
}
