//! The Channels screen's load: the stored channels, each with its fitted response curve, and
//! their accepted plans against results.

use rusqlite::Connection;

use crate::analytics::channels::FittedChannel;
use crate::analytics::monitor::check_channels;
use crate::db::{channels, monitor};
use crate::worker::output::{ChannelsModel, Output};

/// Loads the channels, fits each one's curve and checks their accepted plans.
pub(in crate::worker) fn load(conn: &Connection) -> Output {
    let model = channels::load(conn).and_then(|data| {
        Ok(ChannelsModel {
            fitted: data
                .channels
                .iter()
                .map(|c| FittedChannel::new(c.input()))
                .collect(),
            checks: check_channels(&monitor::channel_plans(conn)?),
            data,
        })
    });
    Output::Channels(model.map_err(|e| format!("cannot read the channels: {e}")))
}
