//! Arbitrary bytes as an import file (in every encoding) or as a mapping file: never a panic,
//! always a report or a clean error, and an error or a refused report leaves the database as it
//! was.

use proptest::prelude::*;
use salesdesk::db;
use salesdesk::import::{
    ImportOptions, Mapping, OnConflict, Outcome, RecordKind, TextEncoding, import_file,
};

const ENCODINGS: [TextEncoding; 5] = [
    TextEncoding::Utf8,
    TextEncoding::Auto,
    TextEncoding::Windows1252,
    TextEncoding::Latin1,
    TextEncoding::Utf16,
];

fn mappings() -> Vec<Mapping> {
    let deals = "kind = \"deals\"\nkey = \"external_id\"\namount_fallback = \"list_price\"\n\
                 create_missing = [\"customer\", \"rep\", \"product\"]\n[columns]\n\
                 external_id = \"a\"\nstage = \"b\"\ncustomer = \"c\"\nclosed_on = \"d\"\n";
    let spaced = "kind = \"customers\"\ndelimiter = \"whitespace\"\nheader = [\"name\", \"employees\"]\n\
                  [columns]\nname = \"name\"\nemployees = \"employees\"\n";
    vec![
        Mapping::default_for(RecordKind::Customers),
        Mapping::default_for(RecordKind::ChannelMonths),
        Mapping::parse(deals).unwrap(),
        Mapping::parse(spaced).unwrap(),
    ]
}

fn bytes() -> impl Strategy<Value = Vec<u8>> {
    let csvish = proptest::collection::vec(
        prop_oneof![
            Just(b",".to_vec()),
            Just(b"\r\n".to_vec()),
            Just(b"\n".to_vec()),
            Just(b"\"".to_vec()),
            Just(b"name".to_vec()),
            Just(b"a,b,c,d\n".to_vec()),
            Just(b"Won".to_vec()),
            Just(b"2017-02-30".to_vec()),
            Just("\u{feff}".as_bytes().to_vec()),
            Just("東京".as_bytes().to_vec()),
            Just(vec![0xff]),
            Just(vec![0]),
            proptest::collection::vec(any::<u8>(), 0..6),
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat());
    prop_oneof![proptest::collection::vec(any::<u8>(), 0..300), csvish]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn any_bytes_give_a_report_or_a_clean_error(input in bytes(), which in 0usize..4, encoding in 0usize..5) {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("in.csv");
        std::fs::write(&file, &input).unwrap();
        let mut conn = db::open(&dir.path().join("book.db")).unwrap().conn;
        let mut mapping = mappings()[which].clone();
        mapping.encoding = ENCODINGS[encoding];
        let mapping = &mapping;
        let options = ImportOptions {
            on_conflict: OnConflict::Fail,
            dry_run: false,
            skip_bad: false,
            as_of: chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
            overwrite: false,
        };
        let count = |conn: &rusqlite::Connection| -> i64 {
            conn.query_row(
                "SELECT (SELECT COUNT(*) FROM customers) + (SELECT COUNT(*) FROM deals)
                      + (SELECT COUNT(*) FROM channel_months) + (SELECT COUNT(*) FROM reps)",
                [],
                |r| r.get(0),
            )
            .unwrap()
        };
        match import_file(&mut conn, &file, mapping, &options, &mut |_| {}) {
            Ok(report) => {
                prop_assert_eq!(report.read, report.created + report.updated + report.skipped + report.rejected);
                if report.outcome == Outcome::NothingWritten {
                    prop_assert!(report.rejected > 0);
                    prop_assert_eq!(count(&conn), 0);
                }
                for rejection in &report.rejections {
                    prop_assert!(rejection.line >= 1 && !rejection.reason.is_empty());
                }
            }
            Err(e) => {
                prop_assert!(!e.to_string().is_empty());
                prop_assert_eq!(count(&conn), 0);
            }
        }
    }
}

fn mapping_text() -> impl Strategy<Value = Vec<u8>> {
    let tomlish = proptest::collection::vec(
        prop_oneof![
            Just(b"kind = \"deals\"\n".to_vec()),
            Just(b"kind = \"customers\"\n".to_vec()),
            Just(b"delimiter = \";\"\n".to_vec()),
            Just(b"encoding = \"latin1\"\n".to_vec()),
            Just(b"encoding = \"ebcdic\"\n".to_vec()),
            Just(b"date_format = \"%d/%m/%Y\"\n".to_vec()),
            Just(b"date_format = \"%Q\"\n".to_vec()),
            Just(b"money = \"cents\"\n".to_vec()),
            Just(b"header = [\"a\", \"a\"]\n".to_vec()),
            Just(b"[columns]\n".to_vec()),
            Just(b"[values.stage]\n".to_vec()),
            Just(b"name = \"a\"\n".to_vec()),
            Just(b"stage = \"b\"\n".to_vec()),
            Just(b"key = \"external_id\"\n".to_vec()),
            Just(b"\"Won\" = \"Won\"\n".to_vec()),
            Just(b"= [[\n".to_vec()),
            proptest::collection::vec(any::<u8>(), 0..8),
        ],
        0..16,
    )
    .prop_map(|parts| parts.concat());
    prop_oneof![proptest::collection::vec(any::<u8>(), 0..200), tomlish]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn any_mapping_file_loads_or_is_refused_naming_the_file(input in mapping_text()) {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("mapping.toml");
        std::fs::write(&file, &input).unwrap();
        match Mapping::load(&file) {
            Ok(_) => {
                // Only UTF-8 text that names its kind is a mapping.
                let text = std::str::from_utf8(&input);
                prop_assert!(text.is_ok_and(|t| t.contains("kind")));
            }
            Err(e) => {
                let message = e.to_string();
                prop_assert!(message.starts_with("mapping "), "{}", message);
                prop_assert!(message.contains("mapping.toml"), "{}", message);
            }
        }
    }
}
