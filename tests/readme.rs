//! The README's key table is the key map, row for row, so the docs cannot drift from the keys.

use salesdesk::tui::keymap::{Context, KeyMap};

fn key_table() -> String {
    let map = KeyMap::default();
    let mut out = String::from("| Where | Keys | What |\n| --- | --- | --- |\n");
    for context in Context::ALL {
        for binding in map.bindings_in(context) {
            let keys: Vec<String> = binding
                .keys
                .iter()
                .map(|k| format!("`{}`", k.label()))
                .collect();
            out.push_str(&format!(
                "| {} | {} | {} |\n",
                context.title(),
                keys.join(" "),
                binding.help
            ));
        }
    }
    out
}

#[test]
fn readme_key_table_matches_the_key_map() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme
        .find("<!-- keys -->\n")
        .map(|i| i + "<!-- keys -->\n".len());
    let end = readme.find("<!-- /keys -->");
    let (Some(start), Some(end)) = (start, end) else {
        panic!("README.md lacks the <!-- keys --> … <!-- /keys --> markers");
    };
    let expected = key_table();
    assert_eq!(
        &readme[start..end],
        expected,
        "paste this table into README.md:\n{expected}"
    );
}
