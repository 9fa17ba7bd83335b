//! The seccomp filter: system calls no cell needs are refused with EPERM, and so is any
//! socket but a Unix one, and (without the `subprocess` capability) processes and programs. Landlock covers
//! files, TCP and signals; this covers what Landlock does not see (UDP and raw sockets,
//! io_uring, ptrace, namespaces, the kernel keyring, module loading).

use std::collections::BTreeMap;

use seccompiler::{
    BpfProgram, SeccompAction, SeccompCmpArgLen, SeccompCmpOp, SeccompCondition, SeccompFilter,
    SeccompRule,
};

use super::error::ConfineError;

/// Refused at every confined level: debugging other processes, reading their memory,
/// mounts, namespaces, the keyring, BPF, perf, kernel modules, io_uring (whose requests
/// seccomp cannot see), raw file handles, rebooting, swap and the clock.
const ALWAYS_REFUSED: &[i64] = &[
    libc::SYS_ptrace,
    libc::SYS_process_vm_readv,
    libc::SYS_process_vm_writev,
    libc::SYS_mount,
    libc::SYS_umount2,
    libc::SYS_pivot_root,
    libc::SYS_chroot,
    libc::SYS_unshare,
    libc::SYS_setns,
    libc::SYS_keyctl,
    libc::SYS_add_key,
    libc::SYS_request_key,
    libc::SYS_bpf,
    libc::SYS_perf_event_open,
    libc::SYS_kexec_load,
    libc::SYS_init_module,
    libc::SYS_finit_module,
    libc::SYS_delete_module,
    libc::SYS_reboot,
    libc::SYS_swapon,
    libc::SYS_swapoff,
    libc::SYS_userfaultfd,
    libc::SYS_io_uring_setup,
    libc::SYS_io_uring_enter,
    libc::SYS_io_uring_register,
    libc::SYS_open_by_handle_at,
    libc::SYS_name_to_handle_at,
    libc::SYS_acct,
    libc::SYS_settimeofday,
    libc::SYS_clock_settime,
];

/// Refused without the `subprocess` capability: running programs and starting processes. `clone` stays allowed
/// for threads (CLONE_THREAD), which the interpreter needs.
const PROGRAMS: &[i64] = &[
    libc::SYS_execve,
    libc::SYS_execveat,
    #[cfg(target_arch = "x86_64")]
    libc::SYS_fork,
    #[cfg(target_arch = "x86_64")]
    libc::SYS_vfork,
];

/// The errno of a refused call: what Python reports as PermissionError.
const REFUSED: u32 = libc::EPERM as u32;

/// Installs the filters on every thread of the process; `programs` lets processes start.
pub fn apply(programs: bool) -> Result<(), ConfineError> {
    let mut refused: BTreeMap<i64, Vec<SeccompRule>> = BTreeMap::new();
    let everything = || Vec::new(); // no conditions: every call matches
    for &call in ALWAYS_REFUSED {
        refused.insert(call, everything());
    }
    // clone3 passes its flags in memory a filter cannot read: ENOSYS makes the C library
    // fall back to clone, whose flags it can.
    let mut unsupported = BTreeMap::new();
    if !programs {
        for &call in PROGRAMS {
            refused.insert(call, everything());
        }
        refused.insert(libc::SYS_clone, vec![rule(0, flag_clear(libc::CLONE_THREAD))?]);
        unsupported.insert(libc::SYS_clone3, everything());
    }
    // Even with processes: the network is the net.connect capability's, served by the host.
    refused.insert(libc::SYS_socket, vec![rule(0, not_unix())?]);
    install(unsupported, libc::ENOSYS as u32)?;
    install(refused, REFUSED)
}

/// A condition on argument `index`.
fn rule(index: u8, (op, value): (SeccompCmpOp, u64)) -> Result<SeccompRule, ConfineError> {
    let condition = SeccompCondition::new(index, SeccompCmpArgLen::Qword, op, value)
        .map_err(|e| ConfineError::Seccomp(e.to_string()))?;
    SeccompRule::new(vec![condition]).map_err(|e| ConfineError::Seccomp(e.to_string()))
}

/// Matches when `flag` is not set.
fn flag_clear(flag: libc::c_int) -> (SeccompCmpOp, u64) {
    (SeccompCmpOp::MaskedEq(flag as u64), 0)
}

/// Matches a socket domain other than AF_UNIX.
fn not_unix() -> (SeccompCmpOp, u64) {
    (SeccompCmpOp::Ne, libc::AF_UNIX as u64)
}

fn install(rules: BTreeMap<i64, Vec<SeccompRule>>, errno: u32) -> Result<(), ConfineError> {
    if rules.is_empty() {
        return Ok(());
    }
    let seccomp = |e: &dyn std::fmt::Display| ConfineError::Seccomp(e.to_string());
    let arch = std::env::consts::ARCH.try_into().map_err(|e| seccomp(&e))?;
    let filter = SeccompFilter::new(rules, SeccompAction::Allow, SeccompAction::Errno(errno), arch)
        .map_err(|e| seccomp(&e))?;
    let program: BpfProgram =
        filter.try_into().map_err(|e: seccompiler::BackendError| seccomp(&e))?;
    seccompiler::apply_filter_all_threads(&program).map_err(|e| seccomp(&e))
}
