//! The one place the app's state changes: an [`Action`] in, a new state out, and maybe jobs queued.

use crate::tui::action::{Action, Command};
use crate::tui::app::{App, Message};
use crate::tui::effects::ctx;
use crate::tui::popups::record::update as record;
use crate::tui::popups::{data, export, find, help, import, palette::suggest, record_form};
use crate::tui::screens::channels::update as channels;
use crate::tui::screens::customers::update as customers_update;
use crate::tui::screens::pipeline::list::update as list_update;
use crate::tui::screens::pipeline::update as pipeline_update;
use crate::tui::theme::{Theme, ThemeName};
use crate::tui::{mouse, replies, screens};
use crate::worker::Job;

/// Applies `action` to `app`.
pub fn update(app: &mut App, action: Action) {
    if matches!(action, Action::Command(_) | Action::Type(_)) {
        app.pending_keys.clear();
    }
    if matches!(
        action,
        Action::Command(_) | Action::Type(_) | Action::Mouse(_)
    ) {
        app.message = Message::default();
    }
    match action {
        Action::Command(command) => run_command(app, command),
        Action::Type(c) => type_char(app, c),
        Action::PendingKeys(keys) => app.pending_keys = keys,
        Action::Resize { width, height } => app.size = (width, height),
        Action::Tick => {
            app.ticks = app.ticks.wrapping_add(1);
            app.message.age_by_a_tick();
        }
        Action::Worker(reply) => replies::take_reply(app, *reply),
        Action::Mouse(input) => {
            if let Some(command) = mouse::handle(app, input) {
                run_command(app, command);
            }
        }
    }
    screens::after_update(app);
    app.message.keep_to_screen(app.screen);
}

fn type_char(app: &mut App, c: char) {
    if app.help.is_some() {
        help::search::type_char(app, c);
    } else if let Some(line) = app.command_line.as_mut() {
        line.push(c);
        retype(app);
    } else if app.record_form.is_some() {
        record_form::update::type_char(app, c);
    } else if let Some(state) = app.find.as_mut() {
        let effects = find::update::type_char(state, c);
        app.apply(effects);
    } else {
        screens::type_char(app, c);
    }
}

fn run_command(app: &mut App, command: Command) {
    if app.help.is_some() && help::search::run_command(app, command) {
        return;
    }
    if app.help.is_some() {
        let last = help::max_scroll(app, app.size.1);
        let page = app.size.1.saturating_sub(6).max(1);
        let Some(scroll) = app.help.as_mut() else {
            return;
        };
        match command {
            Command::Up => *scroll = scroll.saturating_sub(1),
            Command::Down => *scroll = scroll.saturating_add(1).min(last),
            Command::PageUp => *scroll = scroll.saturating_sub(page),
            Command::PageDown => *scroll = scroll.saturating_add(page).min(last),
            Command::Top => *scroll = 0,
            Command::Bottom => *scroll = last,
            Command::ToggleHelp if app.help_search.is_some() => app.help_search = None,
            Command::ToggleHelp => app.help = None,
            Command::Quit => app.quit = true,
            _ => {}
        }
        return;
    }
    let scroll = match (
        &mut app.history,
        &mut app.model_view,
        &mut app.import.report,
    ) {
        (Some(history), ..) => Some(&mut history.scroll),
        (None, Some(scroll), _) => Some(scroll),
        (None, None, Some(report)) => Some(&mut report.scroll),
        (None, None, None) => None,
    };
    if let Some(scroll) = scroll {
        match command {
            Command::Up => *scroll = scroll.saturating_sub(1),
            Command::Down => *scroll = scroll.saturating_add(1),
            Command::Cancel => close_list(app),
            Command::Quit => app.quit = true,
            _ => {}
        }
        return;
    }
    if app.command_line.is_some() {
        command_line(app, command);
        return;
    }
    if app.record_form.is_some() {
        record_form::update::run_command(app, command);
        return;
    }
    if let Some(state) = app.find.as_mut() {
        let (after, effects) = find::update::run_command(state, command);
        if after == find::update::After::Close {
            app.find = None;
        }
        app.apply(effects);
        return;
    }
    if app.records.is_empty()
        && let Some(view) = app.data.as_mut()
    {
        let (after, effects) = data::update::run_command(view, command, app.as_of);
        if after == data::update::After::Close {
            app.data = None;
        }
        app.apply(effects);
        return;
    }
    if !app.records.is_empty() && record::run_command(app, command) {
        return;
    }
    match command {
        Command::Quit => app.quit = true,
        Command::ToggleHelp => app.help = Some(0),
        Command::ShowScreen(screen) => app.screen = screen,
        Command::NextScreen => app.screen = app.screen.next(),
        Command::PreviousScreen => app.screen = app.screen.previous(),
        Command::Undo => app.request_write(Job::Undo, "undoing…"),
        Command::Redo => app.request_write(Job::Redo, "redoing…"),
        Command::OpenCommandLine => {
            app.command_line = Some(String::new());
            retype(app);
        }
        Command::NewCustomer
        | Command::NewDeal
        | Command::NewContact
        | Command::EditRecord
        | Command::LogActivity
        | Command::FollowUpTask
        | Command::SetQuota => record_form::update::open(app, command),
        Command::OpenFind => open_find(app, ""),
        // The screen beneath an open record takes no commands.
        _ if !app.records.is_empty() => {}
        _ => screens::run_command(app, command),
    }
}

/// Offers the completions of the command line as it now reads.
fn retype(app: &mut App) {
    let line = app.command_line.clone().unwrap_or_default();
    let suggestions = suggest::suggestions(app, &line);
    app.palette.retype(suggestions);
}

fn command_line(app: &mut App, command: Command) {
    match command {
        Command::Cancel => app.command_line = None,
        Command::DeleteChar => {
            if let Some(line) = app.command_line.as_mut() {
                line.pop();
            }
            retype(app);
        }
        Command::Complete | Command::CompletePrevious => {
            let only_one = app.palette.suggestions.len() == 1;
            let chosen = app
                .palette
                .cycle(command == Command::Complete)
                .map(|s| s.line.clone());
            if let Some(line) = chosen {
                app.command_line = Some(line);
                if only_one {
                    retype(app);
                }
            }
        }
        Command::OlderCommand | Command::NewerCommand => {
            let line = app.palette.browse(command == Command::OlderCommand);
            app.command_line = Some(line.unwrap_or_default().to_string());
        }
        Command::Accept => {
            let line = app.command_line.take().unwrap_or_default();
            app.palette.remember(&line);
            run_line(app, line.trim());
        }
        Command::Quit => app.quit = true,
        _ => {}
    }
}

/// Runs a command line: a command with its arguments, or any action by its name.
fn run_line(app: &mut App, line: &str) {
    if let Some(file) = export::parse_export(line) {
        export::start(app, file);
        return;
    }
    if let Some(args) = import::parse_import(line) {
        import::update::start(app, args);
        return;
    }
    if let Some(name) = line.strip_prefix("goto customer ") {
        let effects = customers_update::go_to(&mut app.customers, name);
        app.apply(effects);
        return;
    }
    if let Some(rest) = line.strip_prefix("erase ") {
        let effects = data::erase::run_line(rest, app.as_of);
        app.apply(effects);
        return;
    }
    if let Some(name) = line.strip_prefix("theme ") {
        switch_theme(app, name);
        return;
    }
    if line == "find" || line.starts_with("find ") {
        open_find(app, line.trim_start_matches("find").trim());
        return;
    }
    if let Some(name) = line.strip_prefix("view") {
        show_view(app, name);
        return;
    }
    match line {
        "history" | "hist" => {
            app.jobs.request(Job::History);
        }
        "model" => app.model_view = Some(0),
        "refit" => {
            app.jobs.request(Job::Refit);
            pipeline_update::reload_everything(app);
        }
        "data" => {
            let effects = data::update::open(app.as_of);
            app.apply(effects);
        }
        "undo" => app.request_write(Job::Undo, "undoing…"),
        "apply" => {
            let effects = channels::apply(&app.channels);
            app.apply(effects);
        }
        "redo" => app.request_write(Job::Redo, "redoing…"),
        "new customer" => record_form::update::open(app, Command::NewCustomer),
        "new deal" => record_form::update::open(app, Command::NewDeal),
        "new contact" => record_form::update::open(app, Command::NewContact),
        "log" => record_form::update::open(app, Command::LogActivity),
        "quota" => record_form::update::open(app, Command::SetQuota),
        "q" | "quit" => app.quit = true,
        "" => {}
        other => match Command::from_name(other) {
            Some(command) => run_command(app, command),
            None => {
                app.message = Message::error(format!(
                    "unknown command :{other} (Tab lists the commands and actions)"
                ))
            }
        },
    }
}

/// `/` or `:find [TEXT]`: the find popup, with `text` searched for already.
fn open_find(app: &mut App, text: &str) {
    let (state, effects) = find::update::open(text);
    app.find = Some(state);
    app.apply(effects);
}

/// `:view NAME`: the pipeline's list with that saved view.
fn show_view(app: &mut App, name: &str) {
    let Some(view) = crate::tui::screens::pipeline::list::view_by_name(name) else {
        app.message = Message::error(format!(
            "no view '{}': use stale, slipped, undated, month, quarter, biggest or all",
            name.trim()
        ));
        return;
    };
    app.screen = crate::tui::screen::Screen::Pipeline;
    let effects = list_update::show_view(&mut app.pipeline, view, &ctx!(app));
    app.apply(effects);
}

/// `:theme NAME`: the named built-in theme, with the config's changes to it, for this session.
fn switch_theme(app: &mut App, name: &str) {
    match name.parse::<ThemeName>() {
        Ok(name) => {
            app.config.theme.name = name;
            app.theme = Theme::resolve(&app.config.theme, app.no_color);
            app.message = Message::info(if app.no_color {
                format!("theme {name}; NO_COLOR is set, so colours stay off")
            } else {
                format!("theme {name}")
            });
        }
        Err(e) => app.message = Message::error(e.to_string()),
    }
}

/// Closes the list overlay on top: the history, else the model popup, else the import report.
fn close_list(app: &mut App) {
    if app.history.take().is_none() && app.model_view.take().is_none() {
        app.import.report = None;
    }
}
