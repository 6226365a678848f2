//! `salesdesk export KIND FILE`: one kind of record as a CSV file the importer reads back;
//! `export person --customer ID|--contact ID [FILE]`: everything held about one person as JSON;
//! `export --redact OUT.db`: a copy of the book with every personal field removed.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, bail};
use clap::Args;

use crate::db;
use crate::db::privacy::{Person, person_json, redacted_copy};
use crate::domain::RecordKind;
use crate::domain::group_thousands;
use crate::export;

/// What `export` writes: one kind of record, or one person's data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportWhat {
    /// A kind of record, as CSV.
    Kind(RecordKind),
    /// One customer's or contact's data, as JSON.
    Person,
}

fn parse_what(text: &str) -> Result<ExportWhat, String> {
    if text == "person" {
        return Ok(ExportWhat::Person);
    }
    text.parse::<RecordKind>()
        .map(ExportWhat::Kind)
        .map_err(|e| format!("{e}, or person"))
}

/// Options of `salesdesk export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// What to export: reps, quotas, products, customers, deals, tasks, channel-months, or person
    /// (with --customer or --contact)
    #[arg(value_name = "KIND", value_parser = parse_what, required_unless_present = "redact")]
    pub kind: Option<ExportWhat>,
    /// The file to write; an existing file is replaced only once the export is complete (for
    /// person, standard output when left out)
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Write every cell exactly as stored, without the leading ' that keeps a spreadsheet from
    /// running cells beginning with = + - @ as formulas
    #[arg(long)]
    pub raw: bool,
    /// For person: the customer whose data to export
    #[arg(long, value_name = "ID", conflicts_with = "contact")]
    pub customer: Option<i64>,
    /// For person: the contact whose data to export
    #[arg(long, value_name = "ID")]
    pub contact: Option<i64>,
    /// Write a copy of the whole book with every personal field removed to this new file
    #[arg(long, value_name = "OUT.db", conflicts_with_all = ["kind", "file"])]
    pub redact: Option<PathBuf>,
}

/// Exports from the existing database at `path`; a missing file is an error, never a new database.
pub fn run(path: &Path, args: &ExportArgs) -> anyhow::Result<()> {
    if !path.exists() {
        bail!("no database at {}", path.display());
    }
    let opened = db::read_only::open_to_read(path)?;
    if let Some(target) = &args.redact {
        let bytes = redacted_copy(&opened.conn, target)?;
        println!(
            "wrote a copy without personal data to {} ({} bytes)",
            target.display(),
            group_thousands(u128::from(bytes))
        );
        return Ok(());
    }
    match args.kind {
        Some(ExportWhat::Person) => person(&opened.conn, args),
        Some(ExportWhat::Kind(kind)) => {
            let Some(file) = &args.file else {
                bail!("export {}: name the CSV file to write", kind.noun());
            };
            let cells = if args.raw {
                export::Cells::Raw
            } else {
                export::Cells::Safe
            };
            let rows = export::export_kind(&opened.conn, kind, file, cells)?;
            println!(
                "exported {} {} to {}",
                group_thousands(u128::from(rows)),
                kind.noun(),
                file.display()
            );
            Ok(())
        }
        None => bail!("name what to export, or --redact OUT.db"),
    }
}

fn person(conn: &rusqlite::Connection, args: &ExportArgs) -> anyhow::Result<()> {
    let who = match (args.customer, args.contact) {
        (Some(id), None) => Person::Customer(id),
        (None, Some(id)) => Person::Contact(id),
        _ => bail!("export person: give --customer ID or --contact ID"),
    };
    let data = person_json(conn, who)
        .context("cannot read the person's data")?
        .with_context(|| match who {
            Person::Customer(id) => format!("there is no customer {id}"),
            Person::Contact(id) => format!("there is no contact {id}"),
        })?;
    let mut text = serde_json::to_string_pretty(&data)?;
    text.push('\n');
    let Some(file) = &args.file else {
        std::io::stdout()
            .lock()
            .write_all(text.as_bytes())
            .context("cannot write the data")?;
        return Ok(());
    };
    let mut temp = crate::files::temp_beside(file)?;
    temp.write_all(text.as_bytes())
        .with_context(|| format!("cannot write {}", file.display()))?;
    temp.persist(file)
        .with_context(|| format!("cannot save {}", file.display()))?;
    println!("exported the person's data to {}", file.display());
    Ok(())
}
