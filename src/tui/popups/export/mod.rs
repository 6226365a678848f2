//! `:export FILE`: the current screen's view written to a CSV file by the worker. On Customers,
//! every row that passes the search and filter, in screen order, with the table's columns; on the
//! pipeline board, the deals it shows under its filter, with the columns of `salesdesk export deals`.

pub mod chart;

use crate::files::typed_path;

use crate::db::customers::CustomerRow;
use crate::export::{ExportJob, Exported, Table};
use crate::tui::app::{App, Message};
use crate::tui::screen::Screen;
use crate::tui::screens::customers::{Column, CustomersState};
use crate::worker::Job;

/// The file argument of an `:export` line (empty when missing), or `None` for another command.
pub fn parse_export(line: &str) -> Option<&str> {
    let rest = line.trim().strip_prefix("export")?;
    (rest.is_empty() || rest.starts_with(char::is_whitespace)).then(|| rest.trim())
}

/// Asks the worker to write the current screen's view to `file`; `chart FILE` draws the
/// screen's chart instead (see [`chart`]).
pub fn start(app: &mut App, file: &str) {
    if let Some(file) = chart::chart_file(file) {
        chart::start(app, file);
        return;
    }
    if file.is_empty() {
        app.message = Message::error("name the file: :export FILE (e.g. :export customers.csv)");
        return;
    }
    let path = typed_path(file);
    let job = match app.screen {
        Screen::Customers if !app.customers.index.complete => {
            app.message = Message::error(
                "the customers are still loading; export again once they are all in",
            );
            return;
        }
        Screen::Customers => ExportJob::Table {
            path,
            table: customers_table(&app.customers),
        },
        Screen::Pipeline => ExportJob::Board {
            path,
            filter: app.pipeline.filter.clone(),
            period: app.pipeline.period,
        },
        other => {
            app.message = Message::error(format!(
                "the {} screen has nothing to export yet; try Customers or Pipeline",
                other.name()
            ));
            return;
        }
    };
    app.jobs.request(Job::Export(job));
    app.message = Message::info(format!("exporting to {file}…"));
}

/// Reports a finished export in the status line.
pub fn take_exported(app: &mut App, result: Result<Exported, String>) {
    app.message = match result {
        Ok(done) => Message::info(format!(
            "exported {} {} to {}",
            crate::domain::group_thousands(u128::from(done.rows)),
            done.noun,
            done.path.display()
        )),
        Err(e) => Message::error(e),
    };
}

/// Every customer that passes the search and filter, in the table's order and columns (all of
/// them, whatever the terminal's width hides), money in whole currency with two decimals.
pub fn customers_table(state: &CustomersState) -> Table {
    Table {
        noun: "customers",
        header: Column::ALL.iter().map(|c| c.title().to_string()).collect(),
        rows: state
            .visible_rows()
            .map(|row| {
                Column::ALL
                    .iter()
                    .map(|&c| cell_text(state, row, c))
                    .collect()
            })
            .collect(),
    }
}

fn cell_text(state: &CustomersState, row: &CustomerRow, column: Column) -> String {
    let index = &state.index;
    let label = |list: &[String], i: u32| list.get(i as usize).cloned().unwrap_or_default();
    match column {
        Column::Name => row.name.clone(),
        Column::Industry => label(&index.industries, row.industry),
        Column::Region => label(&index.regions, row.region),
        Column::Owner => row
            .owner
            .and_then(|o| index.owners.get(o as usize))
            .map(|o| o.name.clone())
            .unwrap_or_default(),
        Column::OpenPipeline => row.open_pipeline.plain(),
        Column::Revenue12m => row.revenue_12m.plain(),
        Column::LastActivity => row
            .last_activity
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_follows_the_command_word() {
        assert_eq!(parse_export("export out.csv"), Some("out.csv"));
        assert_eq!(parse_export("  export   my file.csv "), Some("my file.csv"));
        assert_eq!(parse_export("export"), Some(""));
        assert_eq!(parse_export("exports.csv"), None);
        assert_eq!(parse_export("history"), None);
    }
}
