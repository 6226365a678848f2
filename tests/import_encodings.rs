//! What people have: spreadsheet encodings through `--encoding`, a clear refusal of a file that
//! is not UTF-8 (its line named, the option suggested), and a refused repeated column.

mod common;

use common::bin::{assert_refused, salesdesk, stderr, stdout};

#[test]
fn a_windows_1252_file_is_refused_with_its_line_then_read_with_the_option() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.db");
    let file = dir.path().join("reps.csv");
    std::fs::write(
        &file,
        b"name,region\nAnn Lee,North\nJos\xe9 M\xfcller,South\n",
    )
    .unwrap();
    let path = file.to_str().unwrap();
    let out = salesdesk(&db, &["import", path, "--kind", "reps"]);
    assert_refused(
        &out,
        "reps.csv is not UTF-8 text: line 3 holds bytes that are not UTF-8; if a spreadsheet \
         saved it, try --encoding windows-1252",
    );
    for encoding in ["windows-1252", "auto"] {
        let db = dir.path().join(format!("{encoding}.db"));
        let out = salesdesk(
            &db,
            &["import", path, "--kind", "reps", "--encoding", encoding],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(
            stdout(&out).contains("created              2"),
            "{}",
            stdout(&out)
        );
        let name: String = rusqlite::Connection::open(&db)
            .unwrap()
            .query_row("SELECT name FROM reps WHERE region = 'South'", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(name, "José Müller");
    }
    let out = salesdesk(
        &db,
        &["import", path, "--kind", "reps", "--encoding", "ebcdic"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("windows-1252"), "{}", stderr(&out));
}

#[test]
fn a_repeated_header_is_refused_naming_the_column() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("book.db");
    let file = dir.path().join("reps.csv");
    std::fs::write(&file, "name,region,name\nAnn Lee,North,Bo Chen\n").unwrap();
    let out = salesdesk(&db, &["import", file.to_str().unwrap(), "--kind", "reps"]);
    assert_refused(
        &out,
        "has the column 'name' twice in its header (columns 1 and 3); rename one",
    );
}
