//! `kernel_info_reply`: who this kernel is and what it speaks.

use jupyter_protocol::{
    CodeMirrorMode, HelpLink, JupyterMessage, KernelInfoReply, LanguageInfo, ReplyStatus,
};
use zeromq::RouterSendHalf;

use crate::kernel::Kernel;

/// The Jupyter messaging protocol version spoken.
pub const PROTOCOL_VERSION: &str = "5.3";

/// Answers `request` (shell or control) with the kernel's description.
pub async fn answer(kernel: &Kernel, out: &RouterSendHalf, request: &JupyterMessage) {
    let python = kernel.session().ready().map(|r| r.python_version).unwrap_or_default();
    kernel.reply(out, request, kernel_info(&python)).await;
}

/// The kernel's description; `python` is the worker's Python version.
pub fn kernel_info(python: &str) -> KernelInfoReply {
    KernelInfoReply {
        status: ReplyStatus::Ok,
        protocol_version: PROTOCOL_VERSION.into(),
        implementation: "phicode".into(),
        implementation_version: env!("CARGO_PKG_VERSION").into(),
        language_info: LanguageInfo {
            name: "python".into(),
            version: python.into(),
            mimetype: Some("text/x-python".into()),
            file_extension: Some(".φ".into()),
            pygments_lexer: Some("ipython3".into()),
            codemirror_mode: Some(CodeMirrorMode::ipython_code_mirror_mode()),
            nbconvert_exporter: Some("python".into()),
        },
        banner: format!(
            "Phicode {} (Python {python}): φ or Python in each cell; `\\for` then Tab gives ∀",
            env!("CARGO_PKG_VERSION")
        ),
        help_links: vec![HelpLink {
            text: "Python Reference".into(),
            url: "https://docs.python.org/3/reference/".into(),
        }],
        debugger: false,
        error: None,
    }
}
