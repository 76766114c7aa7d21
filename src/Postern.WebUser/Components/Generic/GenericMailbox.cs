using System.Globalization;
using Postern.Data;
using Postern.Mail.Access;
using Postern.Mail.Folders;
using Postern.Mail.Search;
using Postern.Storage;

namespace Postern.WebUser.Components.Generic;

/// <summary>
/// The generic Mailbox component (WebApp, "Generic Mailbox component"): applies <c>Filter</c>,
/// <c>Search</c>, <c>Limit</c>, <c>Skip</c>, <c>Next</c>, <c>Prev</c>, <c>Sort</c> and <c>SDir</c> to the
/// session's view of a mailbox and produces the column headers, one page of message rows and the
/// paging numbers.
/// </summary>
/// <remarks>
/// The view is a folder view of the mail services, kept open in the session: each page brings it up to
/// date (a sync reads only what changed since), a new order or filter reopens it. Rows are read from the
/// stored header blocks of the page's messages only, and the page data is reused while nothing changed.
/// </remarks>
public static class GenericMailbox
{
    /// <summary>A Search text longer than this is cut: it is a few words matched against subjects and addresses.</summary>
    public const int MaxSearchLength = 256;

    /// <summary>Rows remembered per view; older ones are read again when shown again.</summary>
    private const int MaxCachedRows = 2000;

    /// <summary>No fields: the Mailbox page reads its rows from the message records.</summary>
    private static readonly IReadOnlyList<FolderField> s_noFields = [];

    /// <summary>The view state of a mailbox, created from the preferences when the mailbox is first opened.</summary>
    public static MailboxViewState StateFor(ComponentContext context, string mailbox, IReadOnlyList<MailboxColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(columns);
        if (!context.Session.MailboxViews.TryGetValue(mailbox, out var state))
        {
            var preferences = context.Preferences;
            state = new MailboxViewState
            {
                Limit = Math.Clamp(preferences.MessagesPerPage, 1, context.Services.Options.Limits.MaxMessagesPerPage),
                SortColumn = MailboxColumn.IndexOf(columns, preferences.SortField),
                SortAscending = preferences.SortAscending,
            };
            context.Session.MailboxViews[mailbox] = state;
        }
        return state;
    }

    /// <summary>
    /// The session's folder view of the mailbox for the state's order, filter and search: opened on first
    /// use, reopened when they changed, otherwise brought up to date with the mailbox when it changed.
    /// </summary>
    /// <param name="current">The mailbox as just read: a view whose modification sequence is the mailbox's is up to date, and needs no sync.</param>
    /// <exception cref="Postern.Mail.MailException">The mailbox is unknown to the user or may not be read.</exception>
    public static async Task<FolderView> ViewAsync(ComponentContext context, AccessibleMailbox current, MailboxViewState state, IReadOnlyList<MailboxColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(current);
        var mailbox = current.Name;
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(state);
        var column = columns[state.SortColumn];
        var definition = new FolderViewDefinition(
            new FolderSortOrder(column.SortField, Descending: !state.SortAscending),
            new FolderViewFilter(MailboxFilter.Parse(state.Filter), state.Search.Length > 0 ? SearchCriteria.AddressOrSubjectContains(state.Search) : null));
        var ct = context.CancellationToken;
        if (state.View is not { } view)
        {
            view = await context.Services.Folders.OpenAsync(context.User, mailbox, definition, createClass: null, context.Preferences.TimeZone, ct);
            state.View = view;
            Changed(state);
        }
        else if (view.Definition != definition)
        {
            await view.ReopenAsync(definition, ct);
            Changed(state);
        }
        else if (view.ModSeq != current.Record.HighestModSeq && (await view.SyncAsync(s_noFields, limit: null, ct)).Changes.Count > 0)
        {
            Changed(state);
        }
        return view;
    }

    /// <summary>Applies the request parameters to the view and adds the generic Mailbox elements to the dataset.</summary>
    /// <param name="mailbox">The mailbox as just read (after the page's actions).</param>
    public static async Task AddAsync(ComponentContext context, AccessibleMailbox mailbox, IReadOnlyList<MailboxColumn> columns, bool isSentBox)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(mailbox);
        ArgumentNullException.ThrowIfNull(columns);
        var state = StateFor(context, mailbox.Name, columns);
        Apply(context, state, columns.Count);
        var view = await ViewAsync(context, mailbox, state, columns);

        var selected = view.Count;
        if (state.FirstIndex >= selected)
            state.FirstIndex = selected == 0 ? 0 : (selected - 1) / state.Limit * state.Limit;
        var pageKey = (state.Version, state.FirstIndex, state.Limit, state.SortColumn, state.SortAscending);
        if (state.LastPage is not { } last || !last.Key.Equals(pageKey))
        {
            var rows = await RowsAsync(context, view, state);
            var messageArray = new DataArray(rows.Count);
            foreach (var row in rows)
                messageArray.Add(Message(row, columns, state));
            last = (pageKey, (DataArray)Headers(columns, state).MakeReadOnly(), (DataArray)messageArray.MakeReadOnly(), rows.Count);
            state.LastPage = last;
        }

        var record = view.Mailbox.Record;
        var dataset = context.Dataset;
        if (context.Parameters.Has("MarkAll"))
            dataset["checkAll"] = "CHECKED";
        dataset["filter"] = state.Filter;
        dataset["search"] = state.Search;
        dataset["limit"] = Text(state.Limit);
        if (isSentBox)
            dataset["sentBox"] = DataString.Yes;
        dataset["headers"] = last.Headers;
        dataset["messages"] = last.Messages;
        dataset["firstNumber"] = Text(state.FirstIndex);
        dataset["firstNumber1"] = Text(state.FirstIndex + 1);
        dataset["lastNumber"] = Text(state.FirstIndex + Math.Max(last.RowCount, 1));
        dataset["numTotal"] = Text(record.MessageCount);
        dataset["numUnread"] = Text(record.UnseenCount);
        dataset["numSelected"] = Text(selected);
        if (selected != last.RowCount)
            dataset["multiPage"] = DataString.Yes;
        dataset["sortColumn"] = Text(state.SortColumn);
        dataset["sortAscending"] = state.SortAscending ? "1" : "0";
    }

    /// <summary>The view's contents changed: cached rows and page data are no longer valid.</summary>
    private static void Changed(MailboxViewState state)
    {
        state.Version++;
        state.Rows.Clear();
        state.LastPage = null;
    }

    /// <summary>Filter, Search, Limit, Skip, Next, Prev, Sort, SDir (WebApp, in that order).</summary>
    private static void Apply(ComponentContext context, MailboxViewState state, int columnCount)
    {
        var parameters = context.Parameters;
        var before = (state.Filter, state.Search, state.SortColumn, state.SortAscending);
        if (parameters["Filter"] is { } filter)
            state.Filter = filter.Trim();
        if (parameters["Search"] is { } search)
            state.Search = search.Trim() is var text && text.Length > MaxSearchLength ? text[..MaxSearchLength] : text;
        if (parameters.GetNumber("Limit") is { } limit)
            state.Limit = (int)Math.Clamp(limit, 1, context.Services.Options.Limits.MaxMessagesPerPage);
        if (parameters.GetNumber("Skip") is { } skip)
            state.FirstIndex = (int)Math.Clamp(skip, 0, int.MaxValue);
        if (parameters.Has("Next"))
            state.FirstIndex += state.Limit;
        if (parameters.Has("Prev"))
            state.FirstIndex = Math.Max(0, state.FirstIndex - state.Limit);
        if (parameters.GetNumber("Sort") is { } sort && sort >= 0 && sort < columnCount)
            state.SortColumn = (int)sort;
        switch (parameters.GetNumber("SDir"))
        {
            case 1:
                state.SortAscending = true;
                break;
            case 0:
                state.SortAscending = false;
                break;
            case -1:
                state.SortAscending = !state.SortAscending;
                break;
        }
        // A new selection or order starts at its first page.
        if (before != (state.Filter, state.Search, state.SortColumn, state.SortAscending) && !parameters.Has("Skip"))
            state.FirstIndex = 0;
    }

    private static async Task<IReadOnlyList<MailboxRow>> RowsAsync(ComponentContext context, FolderView view, MailboxViewState state)
    {
        var last = Math.Min(state.FirstIndex + state.Limit, view.Count) - 1;
        var uids = new List<uint>(state.Limit);
        for (var index = state.FirstIndex; index <= last; index++)
            uids.Add(view.UidAt(index));
        if (uids.Any(uid => !state.Rows.ContainsKey(uid)))
        {
            if (state.Rows.Count + uids.Count > MaxCachedRows)
                state.Rows.Clear();
            // By position: the view reads the page's records in one query without looking the UIDs up.
            foreach (var row in await view.BrowseAsync(state.FirstIndex, last, s_noFields, context.CancellationToken))
                state.Rows[row.Uid] = MailboxRow.Read(row.Record, row.Flags);
        }
        // A message removed between the view's update and now simply has no row.
        return uids.Select(uid => state.Rows.GetValueOrDefault(uid)).OfType<MailboxRow>().ToArray();
    }

    private static DataArray Headers(IReadOnlyList<MailboxColumn> columns, MailboxViewState state)
    {
        var headers = new DataArray(columns.Count);
        for (var i = 0; i < columns.Count; i++)
        {
            var header = new DataDictionary { ["index"] = Text(i), ["name"] = columns[i].Name };
            AddSortElements(header, i, columns[i], state);
            headers.Add(header);
        }
        return headers;
    }

    /// <summary>
    /// <c>hilited</c> on the sorting column; <c>sdir</c> the order a click on the column asks for (the current
    /// one, reversed on the sorting column); <c>ralign</c> on date and size columns.
    /// </summary>
    private static void AddSortElements(DataDictionary element, int index, MailboxColumn column, MailboxViewState state)
    {
        var sorting = index == state.SortColumn;
        if (sorting)
            element["hilited"] = DataString.Yes;
        element["sdir"] = (state.SortAscending ^ sorting) ? "1" : "0";
        if (column.RightAligned)
            element["ralign"] = DataString.Yes;
    }

    private static DataDictionary Message(MailboxRow row, IReadOnlyList<MailboxColumn> columns, MailboxViewState state)
    {
        var message = new DataDictionary { ["id"] = Text(row.Uid) };
        if (row.Color is { } color)
            message["color"] = color;
        if (!row.ContentType.StartsWith("text/", StringComparison.Ordinal))
        {
            message["notText"] = DataString.Yes;
            if (row.ContentType != "multipart/alternative")
                message["notAltText"] = DataString.Yes;
        }
        var fields = new DataArray(columns.Count);
        // WebApp: isRef marks the sorting column and the first clickable one (the first after Status).
        var firstClickable = columns[0].Kind == MailboxColumnKind.Status ? 1 : 0;
        for (var i = 0; i < columns.Count; i++)
        {
            var field = new DataDictionary();
            AddSortElements(field, i, columns[i], state);
            if (i == state.SortColumn || i == firstClickable)
                field["isRef"] = DataString.Yes;
            AddValue(field, columns[i].Kind, row);
            fields.Add(field);
        }
        message["fields"] = fields;
        return message;
    }

    private static void AddValue(DataDictionary field, MailboxColumnKind kind, MailboxRow row)
    {
        switch (kind)
        {
            case MailboxColumnKind.Status:
                field["isStatus"] = DataString.Yes;
                field["status"] = MessageStatus.Of(row.Flags);
                AddFlag(field, "flagged", row.Flags, MessageFlags.Flagged);
                AddFlag(field, "recent", row.Flags, MessageFlags.Recent);
                AddFlag(field, "hidden", row.Flags, MessageFlags.Hidden);
                AddFlag(field, "media", row.Flags, MessageFlags.Media);
                break;
            case MailboxColumnKind.From:
                field["value"] = row.From;
                break;
            case MailboxColumnKind.To:
                field["value"] = row.To;
                break;
            case MailboxColumnKind.Subject:
                field["value"] = row.Subject;
                break;
            case MailboxColumnKind.Received:
                field["value"] = new DataTimestamp(row.Received);
                field["isDate"] = DataString.Yes;
                break;
            case MailboxColumnKind.Sent:
                field["value"] = new DataTimestamp(row.Sent ?? row.Received);
                field["isDate"] = DataString.Yes;
                break;
            case MailboxColumnKind.Size:
                field["value"] = new DataNumber(row.Size);
                break;
            case MailboxColumnKind.Priority:
                field["value"] = Text((int)row.Priority);
                field["isPty"] = DataString.Yes;
                break;
        }
    }

    private static void AddFlag(DataDictionary field, string name, MessageFlags flags, MessageFlags flag)
    {
        if (flags.HasFlag(flag))
            field[name] = DataString.Yes;
    }

    private static string Text(long number) => number.ToString(CultureInfo.InvariantCulture);
}
