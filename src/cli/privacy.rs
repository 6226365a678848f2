//! `salesdesk merge customer KEEP GONE` and `salesdesk erase contact|customer ID`: the record
//! writes of a clean book and of a person's right to be forgotten.

use std::path::Path;

use clap::{Args, Subcommand};

use super::add::stamp_text;
use crate::db::privacy::{erase_contact, erase_customer};
use crate::db::records::{Stamp, merge_customers};

/// Options of `salesdesk merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// What to merge
    #[command(subcommand)]
    pub what: MergeWhat,
}

/// What can be merged.
#[derive(Debug, Subcommand)]
pub enum MergeWhat {
    /// Move the deals, contacts, activities, tasks and tags of customer GONE to KEEP and delete
    /// GONE (one step `u` undoes in the desk)
    Customer {
        /// The customer kept
        keep: i64,
        /// The customer merged into it and deleted
        gone: i64,
    },
}

/// Options of `salesdesk erase`.
#[derive(Debug, Args)]
pub struct EraseArgs {
    /// Whose personal data to erase
    #[command(subcommand)]
    pub what: EraseWhat,
}

/// Whose personal data can be erased.
#[derive(Debug, Subcommand)]
pub enum EraseWhat {
    /// Blank a contact's name, email and phone, here and in the edit log (cannot be undone)
    Contact {
        /// The contact
        id: i64,
    },
    /// Blank a customer's name and notes, its contacts and its activity notes, here and in the
    /// edit log; amounts and dates stay (cannot be undone)
    Customer {
        /// The customer
        id: i64,
    },
}

/// Merges two customers.
pub fn run_merge(path: &Path, today: chrono::NaiveDate, args: &MergeArgs) -> anyhow::Result<()> {
    let MergeWhat::Customer { keep, gone } = args.what;
    let (_lock, mut opened) = super::open_for_writing(path)?;
    let (at, actor) = stamp_text();
    let stamp = Stamp {
        at: &at,
        actor: &actor,
        today,
    };
    let written = merge_customers(&mut opened.conn, keep, gone, stamp)?;
    println!("{}", written.summary);
    Ok(())
}

/// Erases a contact's or a customer's personal data, then compacts the file so no free page or
/// journal keeps the old text.
pub fn run_erase(path: &Path, args: &EraseArgs) -> anyhow::Result<()> {
    let (_lock, mut opened) = super::open_for_writing(path)?;
    let (at, actor) = stamp_text();
    let erased = match args.what {
        EraseWhat::Contact { id } => erase_contact(&mut opened.conn, id, &at, &actor)?,
        EraseWhat::Customer { id } => erase_customer(&mut opened.conn, id, &at, &actor)?,
    };
    opened
        .conn
        .execute_batch("VACUUM; PRAGMA wal_checkpoint(TRUNCATE);")?;
    println!(
        "{} ({} edit log rows blanked)",
        erased.summary, erased.scrubbed_edits
    );
    Ok(())
}
