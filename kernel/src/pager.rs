//! `name?` and `name??` in a cell: the name's signature and docstring (`??`: and its
//! source) in the `page` payload of the execute reply, as IPython pages them.

use std::collections::HashMap;

use jupyter_protocol::{ExecuteReply, JupyterMessage, Payload, StreamContent};

use crate::drive::{count, media};
use crate::kernel::Kernel;

/// `name?` (docstring) or `name??` (and source): the name and the detail level.
pub fn page_name(code: &str) -> Option<(&str, u8)> {
    let code = code.trim();
    let (name, detail) = match code.strip_suffix("??") {
        Some(name) => (name, 1),
        None => (code.strip_suffix('?')?, 0),
    };
    let word = |c: char| c.is_alphanumeric() || c == '_' || c == '.';
    (!name.is_empty() && name.chars().all(word)).then_some((name, detail))
}

/// The pager payload with the documentation of `name`.
pub async fn page(
    kernel: &Kernel,
    request: &JupyterMessage,
    name: &str,
    detail: u8,
) -> ExecuteReply {
    let count = count(kernel.count());
    let mut reply = ExecuteReply {
        execution_count: count,
        user_expressions: Some(HashMap::new()),
        ..Default::default()
    };
    match kernel.session().inspect(name, name.chars().count(), detail).await {
        Ok(found) if found.found => {
            reply.payload.push(Payload::Page { data: media(found.data), start: 0 });
        }
        Ok(_) => {
            let text = format!("Object `{name}` not found.\n");
            kernel.publish(Some(request), StreamContent::stdout(&text));
        }
        Err(e) => {
            kernel.publish(Some(request), StreamContent::stderr(&format!("phicode kernel: {e}\n")));
        }
    }
    reply
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_to_page() {
        assert_eq!(page_name("print?"), Some(("print", 0)));
        assert_eq!(page_name(" os.path.join?? "), Some(("os.path.join", 1)));
        assert_eq!(page_name("x = a?"), None);
        assert_eq!(page_name("?"), None);
    }
}
