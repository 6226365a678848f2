//! The Channels screen's load: the stored channels, each with its fitted response curve.

use rusqlite::Connection;

use crate::analytics::channels::FittedChannel;
use crate::db::channels;
use crate::worker::output::{ChannelsModel, Output};

/// Loads the channels and fits each one's curve.
pub(in crate::worker) fn load(conn: &Connection) -> Output {
    Output::Channels(
        channels::load(conn)
            .map(|data| ChannelsModel {
                fitted: data
                    .channels
                    .iter()
                    .map(|c| FittedChannel::new(c.input()))
                    .collect(),
                data,
            })
            .map_err(|e| format!("cannot read the channels: {e}")),
    )
}
