//! Channel analytics at demo and at large scale: fitting every channel's curve (the worker's
//! job), and splitting a budget (done in `update` on every typed budget or bound, so it must be
//! instant).
//!
//! `cargo bench --bench channels`. Pure functions on synthetic months; no database.

use criterion::{Criterion, criterion_group, criterion_main};
use salesdesk::analytics::channels::{
    ChannelInput, FittedChannel, MonthPoint, default_bounds, plan,
};

/// `channels` channels with `months` months each, alternating log-like and saturating
/// responses, spend spread over a factor of about five.
fn inputs(channels: usize, months: usize) -> Vec<ChannelInput> {
    (0..channels)
        .map(|c| {
            let scale = 4_000.0 * (1.0 + c as f64 % 7.0);
            let history: Vec<MonthPoint> = (0..months)
                .map(|m| {
                    let spend = scale * (0.5 + ((m * 7 + c * 3) % 12) as f64 / 5.0);
                    let wobble = (((m * 31 + c * 17) % 13) as f64 - 6.0) / 100.0;
                    let revenue = if c % 2 == 0 {
                        -3.0 * scale + 2.5 * scale * spend.ln() / 4.0
                    } else {
                        12.0 * scale * (1.0 - (-spend / (1.5 * scale)).exp())
                    };
                    MonthPoint {
                        spend,
                        revenue: revenue * (1.0 + wobble),
                    }
                })
                .collect();
            ChannelInput {
                name: format!("Channel {c}"),
                current_spend: history.last().map_or(0.0, |p| p.spend),
                history,
            }
        })
        .collect()
}

fn fitted(channels: usize, months: usize) -> Vec<FittedChannel> {
    inputs(channels, months)
        .into_iter()
        .map(FittedChannel::new)
        .collect()
}

fn channels(c: &mut Criterion) {
    let mut group = c.benchmark_group("channels");
    for (n, months) in [(5, 36), (50, 120)] {
        let data = inputs(n, months);
        group.bench_function(format!("fit {n} channels × {months} months"), |b| {
            b.iter(|| {
                data.iter()
                    .cloned()
                    .map(FittedChannel::new)
                    .collect::<Vec<_>>()
            })
        });
        let fits = fitted(n, months);
        let bounds = default_bounds(&fits);
        let budget: f64 = fits.iter().map(|f| f.current_spend).sum::<f64>() * 1.1;
        group.bench_function(format!("split a budget across {n} channels"), |b| {
            b.iter(|| plan(&fits, &bounds, budget))
        });
    }
    group.finish();
}

criterion_group!(benches, channels);
criterion_main!(benches);
