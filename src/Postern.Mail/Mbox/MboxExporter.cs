using Postern.Mime.Headers;
using Postern.Storage;

namespace Postern.Mail.Mbox;

/// <summary>What an export wrote.</summary>
public sealed record ExportResult(long Messages, long Bytes);

/// <summary>Writes a mailbox as an mboxrd file, message by message in UID order, streaming each message from the store.</summary>
/// <remarks>The stored bytes are written unchanged (escaping aside): flags are not added to the messages.</remarks>
public sealed class MboxExporter(IStore store)
{
    /// <summary>Metadata rows read per round trip to the store.</summary>
    private const int PageSize = 500;

    public async Task<ExportResult> ExportAsync(MailboxRecord mailbox, Stream output, IProgress<ExportResult>? progress, CancellationToken cancellationToken)
    {
        var writer = new MboxWriter(output);
        long messages = 0, bytes = 0;
        var next = 1u;
        while (true)
        {
            var page = await store.Messages.GetRangeAsync(mailbox.Id, next, uint.MaxValue, PageSize, cancellationToken);
            foreach (var message in page)
            {
                await using var content = await store.Messages.OpenContentAsync(mailbox.Id, message.Uid, cancellationToken);
                if (content is null)
                    continue; // expunged since the page was read
                await writer.WriteAsync(MboxSeparator.Format(Sender(message), message.InternalDate), content, cancellationToken);
                messages++;
                bytes += message.Size;
            }
            if (page.Count < PageSize)
                break;
            next = page[^1].Uid + 1;
            progress?.Report(new ExportResult(messages, bytes));
        }
        await output.FlushAsync(cancellationToken);
        return new ExportResult(messages, bytes);
    }

    /// <summary>The envelope sender of the separator line: the first From address, read from the stored header.</summary>
    private static string Sender(MessageRecord message)
    {
        var from = HeaderList.Parse(message.Summary.HeaderBlock).GetAddresses("From").Mailboxes;
        return from.Count > 0 && from[0].IsComplete ? from[0].Address : "MAILER-DAEMON";
    }
}
