//! `:export chart FILE`: the chart on the Forecast screen (its breakdown, group and horizon) or
//! the Tiers screen's bar charts, drawn to an SVG file by the worker.

use crate::files::typed_path;

use crate::chart::{Chart, ForecastChart, TiersChart};
use crate::export::ExportJob;
use crate::tui::app::{App, Message};
use crate::tui::screen::Screen;
use crate::worker::Job;

/// The file of an `:export` argument that starts with the word `chart` (empty when missing),
/// or `None` for a plain `:export FILE`.
pub fn chart_file(argument: &str) -> Option<&str> {
    let rest = argument.trim().strip_prefix("chart")?;
    (rest.is_empty() || rest.starts_with(char::is_whitespace)).then(|| rest.trim())
}

/// Asks the worker to draw the current screen's chart to `file`.
pub fn start(app: &mut App, file: &str) {
    if file.is_empty() {
        app.message =
            Message::error("name the file: :export chart FILE (e.g. :export chart forecast.svg)");
        return;
    }
    match chart_on_screen(app) {
        Ok(chart) => {
            app.jobs.request(Job::Export(ExportJob::Chart {
                path: typed_path(file),
                chart,
            }));
            app.message = Message::info(format!("drawing the chart to {file}…"));
        }
        Err(why) => app.message = Message::error(why),
    }
}

/// What the current screen shows as a chart, or why there is none to draw.
fn chart_on_screen(app: &App) -> Result<Chart, String> {
    match app.screen {
        Screen::Forecast => {
            let state = &app.forecast;
            let (Some(set), Some(shown)) = (&state.set, state.shown()) else {
                return Err(
                    "the forecast is not fitted yet; export the chart once it shows".into(),
                );
            };
            ForecastChart::new(shown, set.as_of)
                .map(|chart| Chart::Forecast(Box::new(chart)))
                .map_err(|e| e.to_string())
        }
        Screen::Tiers => {
            let Some(overview) = &app.tiers.overview else {
                return Err(
                    "the tiers are still being computed; export the chart once they show".into(),
                );
            };
            TiersChart::new(&overview.report)
                .map(Chart::Tiers)
                .map_err(|e| e.to_string())
        }
        other => Err(format!(
            "the {} screen has no chart; charts are on the Forecast and Tiers screens",
            other.name()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_follows_the_word_chart() {
        assert_eq!(chart_file("chart out.svg"), Some("out.svg"));
        assert_eq!(chart_file("  chart   my chart.svg "), Some("my chart.svg"));
        assert_eq!(chart_file("chart"), Some(""));
        assert_eq!(chart_file("charts.csv"), None);
        assert_eq!(chart_file("customers.csv"), None);
    }
}
