using Postern.Mail.Folders;
using Postern.Mail.Search;
using Postern.Ximss.Protocol;
using Postern.Ximss.Protocol.DataMessages;
using Postern.Ximss.Protocol.Requests;
using Postern.Ximss.Protocol.Xml;

namespace Postern.Ximss.Mail;

/// <summary>A <c>folderOpen</c>/<c>folderReopen</c> request as a folder view: sort, filter and fields (docs/ximss.md §5.4).</summary>
internal static class FolderDefinitions
{
    /// <summary>
    /// The view's definition and fields. <c>filterField="FLAGS"</c> filters by flags (keywords become
    /// search conditions), another <c>filterField</c> by that header's words, none by From, To, Cc or Subject.
    /// </summary>
    /// <returns>False with <paramref name="error"/> when a field name cannot name an element of the reports.</returns>
    public static bool TryCreate(FolderViewOptions options, out FolderViewDefinition definition, out IReadOnlyList<FolderField> fields, out XimssError? error)
    {
        definition = FolderViewDefinition.Default;
        fields = [];
        // Each field becomes an element of every report: its name must be an XML name (E-From, X-Color).
        if (options.Fields.FirstOrDefault(name => !XimssXmlWriter.IsValidName(name)) is { } bad)
        {
            error = XimssError.InvalidElement("field", $"'{bad}' cannot be a field name");
            return false;
        }

        // A sort or filter field other than the data fields is a header name (RFC 5322 §3.6.8: printable ASCII but ':').
        if (options.SortField is { } sortField && !IsFieldName(sortField))
        {
            error = XimssError.InvalidAttribute("sortField", $"'{sortField}' cannot be a field name");
            return false;
        }
        if (options.Filter?.Field is { Length: > 0 } filterField && !IsFieldName(filterField))
        {
            error = XimssError.InvalidAttribute("filterField", $"'{filterField}' cannot be a field name");
            return false;
        }

        fields = FolderField.Parse(options.Fields);
        definition = new FolderViewDefinition(new FolderSortOrder(options.SortField, options.SortOrder == SortOrder.Descending), Filter(options.Filter));
        error = null;
        return true;
    }

    /// <summary>The init report of <c>folderOpen</c> and <c>folderReopen</c>: the view's counters, UIDs and the user's rights.</summary>
    public static void WriteInit(XimssXmlWriter writer, string id, OpenFolder folder)
    {
        var view = folder.View;
        writer.WriteFolderReportInit(id, folder.Name, new FolderStatus(view.Count, view.Unseen)
        {
            UidValidity = view.UidValidity,
            UidMin = view.Count == 0 ? null : view.Uids.Min(),
            UidNext = view.UidNext,
            Rights = Postern.Mail.Mailboxes.MailboxRightsText.Format(view.Mailbox.Rights),
        });
    }

    private static bool IsFieldName(string name) => name.Length > 0 && name.All(c => c is > ' ' and < '\u007f' and not ':');

    private static FolderViewFilter Filter(FolderFilter? filter)
    {
        if (filter is null)
            return FolderViewFilter.None;
        if (filter.Flags is { } flags)
        {
            var (flagFilter, keywords) = MailFlags.ToFilter(flags);
            return new FolderViewFilter(flagFilter, keywords);
        }
        if (filter.Text.Trim().Length == 0)
            return FolderViewFilter.None;
        var criteria = filter.Field is { Length: > 0 } field
            ? new SearchCriteria.HeaderContains(field, filter.Text)
            : SearchCriteria.AddressOrSubjectContains(filter.Text);
        return new FolderViewFilter(Postern.Storage.MessageFlagFilter.All, criteria);
    }
}
