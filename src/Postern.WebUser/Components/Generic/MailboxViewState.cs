using Postern.Storage;

namespace Postern.WebUser.Components.Generic;

/// <summary>
/// The view parameters a session keeps for one mailbox (WebApp, Mailbox: "For each Mailbox, the module
/// creates a session object that contains the Mailbox view parameters"): filter, search, page size, first
/// row, sort column and order, initialised from the preferences when the mailbox is first opened; and the
/// view they select, kept until the mailbox or the parameters change.
/// </summary>
public sealed class MailboxViewState
{
    /// <summary>The Filter parameter: which messages (by status) are shown.</summary>
    public string Filter { get; set; } = "";

    /// <summary>The Search parameter: text the shown messages have in their subject or addresses.</summary>
    public string Search { get; set; } = "";

    /// <summary>Rows per page (the Limit parameter).</summary>
    public int Limit { get; set; }

    /// <summary>The index (from 0) of the first row shown.</summary>
    public int FirstIndex { get; set; }

    /// <summary>The sorting column (index into the column set).</summary>
    public int SortColumn { get; set; }

    public bool SortAscending { get; set; }

    /// <summary>The selected messages in view order, as of <see cref="SnapshotKey"/>; null until first built.</summary>
    internal IReadOnlyList<MessageViewEntry>? Snapshot { get; set; }

    /// <summary>The mailbox state and parameters <see cref="Snapshot"/> was built for.</summary>
    internal (long MailboxId, long ModSeq, int SortColumn, bool Ascending, string Filter, string Search) SnapshotKey { get; set; }

    /// <summary>Rows of the last pages shown, by UID, valid while the snapshot is.</summary>
    internal Dictionary<uint, MailboxRow> Rows { get; } = [];

    /// <summary>
    /// The <c>headers</c> and <c>messages</c> elements of the last page (read-only), reused while the
    /// snapshot, the first row and the page size stay the same: reloading an unchanged page is the common case.
    /// </summary>
    internal (object Key, Postern.Data.DataArray Headers, Postern.Data.DataArray Messages, int RowCount)? LastPage { get; set; }
}
