using Postern.Data;
using Postern.Mail.Folders;

namespace Postern.WebUser.Components.Generic;

/// <summary>
/// The view parameters a session keeps for one mailbox (WebApp, Mailbox: "For each Mailbox, the module
/// creates a session object that contains the Mailbox view parameters"): filter, search, page size, first
/// row, sort column and order, initialised from the preferences when the mailbox is first opened; and the
/// folder view they select, kept open and brought up to date on each page.
/// </summary>
public sealed class MailboxViewState
{
    /// <summary>The Filter parameter: which messages (by status) are shown.</summary>
    public string Filter { get; set; } = "";

    /// <summary>The Search parameter: words the shown messages have in their subject or addresses.</summary>
    public string Search { get; set; } = "";

    /// <summary>Rows per page (the Limit parameter).</summary>
    public int Limit { get; set; }

    /// <summary>The index (from 0) of the first row shown.</summary>
    public int FirstIndex { get; set; }

    /// <summary>The sorting column (index into the column set).</summary>
    public int SortColumn { get; set; }

    public bool SortAscending { get; set; }

    /// <summary>The open folder view, or null before the first page.</summary>
    internal FolderView? View { get; set; }

    /// <summary>Counts changes of the view's contents: the cached rows and page data belong to one version.</summary>
    internal int Version { get; set; }

    /// <summary>Rows of the pages shown, by UID, for the current version.</summary>
    internal Dictionary<uint, MailboxRow> Rows { get; } = [];

    /// <summary>
    /// The <c>headers</c> and <c>messages</c> elements of the last page (read-only), reused while the view's
    /// version, the first row and the page size stay the same: reloading an unchanged page is the common case.
    /// </summary>
    internal (object Key, DataArray Headers, DataArray Messages, int RowCount)? LastPage { get; set; }
}
