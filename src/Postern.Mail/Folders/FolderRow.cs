using System.Text;
using Postern.Mime.Headers;
using Postern.Storage;

namespace Postern.Mail.Folders;

/// <summary>One message of a folder view as a browse or sync reports it, read from the stored header block (the message itself is not opened).</summary>
/// <param name="Index">The 0-based position in the view.</param>
/// <param name="Flags">The flags as the view shows them (Recent included for messages this view claimed).</param>
/// <param name="Values">One value per requested field, in order; null where the message has no such field.</param>
public sealed record FolderRow(int Index, uint Uid, MessageFlags Flags, MessageRecord Record, IReadOnlyList<FolderFieldValue?> Values)
{
    /// <summary>The message's header fields, parsed from the stored header block.</summary>
    public HeaderList Headers => HeaderList.Parse(Record.Summary.HeaderBlock);

    internal static FolderRow Create(int index, MessageRecord record, MessageFlags flags, IReadOnlyList<FolderField> fields)
    {
        HeaderList? headers = null;
        HeaderList Headers() => headers ??= HeaderList.Parse(record.Summary.HeaderBlock);
        var values = new FolderFieldValue?[fields.Count];
        for (var i = 0; i < fields.Count; i++)
            values[i] = Value(fields[i], record, flags, Headers);
        return new FolderRow(index, record.Uid, flags, record, values);
    }

    private static FolderFieldValue? Value(FolderField field, MessageRecord record, MessageFlags flags, Func<HeaderList> headers) => field.Kind switch
    {
        FolderFieldKind.Flags => new FolderFieldValue.FlagsValue(flags, record.Keywords),
        FolderFieldKind.InternalDate => new FolderFieldValue.Time(record.InternalDate),
        FolderFieldKind.Size => new FolderFieldValue.Number(record.Size),
        FolderFieldKind.Uid => new FolderFieldValue.Number(record.Uid),
        FolderFieldKind.SentDate => headers().GetDate() is { } date ? new FolderFieldValue.Time(date) : null,
        FolderFieldKind.Priority => record.Summary.Priority switch
        {
            MessagePriority.High => new FolderFieldValue.Text("High"),
            MessagePriority.Low => new FolderFieldValue.Text("Low"),
            _ => null,
        },
        FolderFieldKind.Preview => new FolderFieldValue.Text(record.Summary.Preview),
        FolderFieldKind.HasAttachments => new FolderFieldValue.Number(record.Summary.HasAttachments ? 1 : 0),
        FolderFieldKind.Addresses => headers().Contains(field.Header!) ? new FolderFieldValue.AddressList(headers().GetAddresses(field.Header!).Mailboxes) : null,
        FolderFieldKind.RawHeader => headers().TryGet(field.Header!, out var raw) ? new FolderFieldValue.Text(Encoding.UTF8.GetString(raw.RawValue.Span)) : null,
        _ => headers().Contains(field.Header!) ? new FolderFieldValue.Text(string.Join(", ", headers().GetAll(field.Header!).Select(f => f.GetText()))) : null,
    };
}
