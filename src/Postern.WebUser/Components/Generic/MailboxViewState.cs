namespace Postern.WebUser.Components.Generic;

/// <summary>
/// The view parameters a session keeps for one mailbox (WebApp, Mailbox: "For each Mailbox, the module
/// creates a session object that contains the Mailbox view parameters"): filter, search, page size, first
/// row, sort column and order. Initialised from the preferences when the mailbox is first opened.
/// </summary>
public sealed class MailboxViewState
{
    /// <summary>The Filter parameter: which messages (by status) are shown.</summary>
    public string Filter { get; set; } = "";

    /// <summary>The Search parameter: text the shown messages contain in their headers.</summary>
    public string Search { get; set; } = "";

    /// <summary>Rows per page (the Limit parameter).</summary>
    public int Limit { get; set; }

    /// <summary>The index (from 0) of the first row shown.</summary>
    public int FirstIndex { get; set; }

    /// <summary>The sorting column (index into the column set).</summary>
    public int SortColumn { get; set; }

    public bool SortAscending { get; set; }
}
