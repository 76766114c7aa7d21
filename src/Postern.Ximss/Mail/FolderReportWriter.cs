using System.Globalization;
using Postern.Mail.Folders;
using Postern.Ximss.Protocol.DataMessages;
using Postern.Ximss.Protocol.Xml;

namespace Postern.Ximss.Mail;

/// <summary>Writes folder rows and sync steps as <c>folderReport</c> messages (docs/ximss.md §7.5).</summary>
internal static class FolderReportWriter
{
    /// <summary>A message-level report: the row's index and UID, then one element per field the message has, named as the client asked.</summary>
    public static void WriteRow(XimssXmlWriter writer, string? id, OpenFolder folder, MessageReportMode mode, FolderRow row, int? messages = null, int? unseen = null)
    {
        writer.WriteStartFolderReport(id, folder.Name, mode, row.Index, row.Uid, messages, unseen);
        for (var i = 0; i < row.Values.Count; i++)
        {
            var field = folder.Fields[i];
            switch (row.Values[i])
            {
                case FolderFieldValue.FlagsValue flags:
                    writer.WriteFlagsField(MailFlags.ToWire(flags.Flags), flags.Keywords);
                    break;
                case FolderFieldValue.Time time:
                    // The sent date carries its offset (timeShift), as CGP writes Date; INTERNALDATE does not (docs/ximss.md §7.5).
                    writer.WriteTimeField(field.Name, TimeZoneInfo.ConvertTime(time.Value, folder.TimeZone), includeTimeShift: field.Kind == FolderFieldKind.SentDate);
                    break;
                case FolderFieldValue.Number number:
                    writer.WriteElementString(field.Name, number.Value.ToString(CultureInfo.InvariantCulture));
                    break;
                case FolderFieldValue.Text text:
                    writer.WriteElementString(field.Name, text.Value);
                    break;
                case FolderFieldValue.AddressList addresses:
                    foreach (var address in addresses.Addresses)
                        writer.WriteAddressField(field.Name, address.Address, address.Name);
                    break;
            }
        }
        writer.WriteEndElement();
    }

    /// <summary>The steps of a sync in order (removed, added, updated), each with the folder's counters after the whole sync.</summary>
    public static void WriteSync(XimssXmlWriter writer, string? id, OpenFolder folder, FolderSyncResult result)
    {
        foreach (var change in result.Changes)
        {
            var mode = change.Kind == FolderChangeKind.Added ? MessageReportMode.Added : MessageReportMode.Updated;
            if (change.Kind == FolderChangeKind.Removed)
            {
                writer.WriteFolderReportRemoved(id, folder.Name, change.Index, change.Uid, result.Messages, result.Unseen);
            }
            else if (change.Row is { } row)
            {
                WriteRow(writer, id, folder, mode, row, result.Messages, result.Unseen);
            }
            else
            {
                // Expunged since the sync read it: the step still counts (the next sync removes it), without fields.
                writer.WriteStartFolderReport(id, folder.Name, mode, change.Index, change.Uid, result.Messages, result.Unseen);
                writer.WriteEndElement();
            }
        }
    }
}
