using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Xml;
using Postern.Mime;
using Postern.Mime.Headers;
using Postern.Mime.Inspection;
using Postern.Mime.Summary;
using Postern.Mime.Xml;
using Postern.Server.Hosting;

namespace Postern.Server.Cli;

/// <summary>
/// <c>postern mime inspect FILE [--xml] [--summary]</c>: shows how Postern reads a message — its part tree
/// (part IDs, types, sizes, charsets, file names, defects), its XIMSS EMail XML, or its folder-view summary.
/// </summary>
public static class MimeInspectCommand
{
    /// <summary>The <c>mime</c> verb group with its <c>inspect</c> verb.</summary>
    public static Command Create() => new("mime", "Look inside mail messages.") { Inspect() };

    private static Command Inspect()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The message file (.eml, RFC 5322); - reads standard input." };
        var xml = new Option<bool>("--xml") { Description = "Print the message as XIMSS EMail XML instead of the part tree." };
        var summary = new Option<bool>("--summary") { Description = "Print the folder-view summary (addresses, subject, date, preview, ...)." };
        var command = new Command("inspect", "Show a message's part tree, defects, EMail XML or summary.") { file, xml, summary };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var path = parse.GetRequiredValue(file);
            MimeMessage message;
            try
            {
                message = await LoadAsync(path, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"postern mime inspect: cannot read {path.Name}: {e.Message}");
                return ExitCodes.Failure;
            }

            // A large file is mapped, not read: the message holds the mapping until it is disposed.
            using var loaded = message;
            var wantXml = parse.GetValue(xml);
            var wantSummary = parse.GetValue(summary);
            if (wantSummary)
            {
                WriteSummary(MessageSummary.Create(message), message, output);
            }

            if (wantXml)
            {
                WriteXml(message, output);
            }

            if (!wantXml && !wantSummary)
            {
                MimeTreeWriter.Write(message, output);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Loads standard input into memory; a file is mapped when large (<see cref="MimeMessage.LoadAsync"/>).</summary>
    private static async Task<MimeMessage> LoadAsync(FileInfo path, CancellationToken cancellationToken)
    {
        if (path.Name == "-")
        {
            await using var input = Console.OpenStandardInput();
            return await MimeMessage.LoadAsync(input, null, cancellationToken);
        }

        await using var stream = path.OpenRead();
        return await MimeMessage.LoadAsync(stream, null, cancellationToken);
    }

    private static void WriteXml(MimeMessage message, TextWriter output)
    {
        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true, NewLineChars = "\n" };
        using (var writer = XmlWriter.Create(output, settings))
        {
            EmailXmlWriter.Write(message, writer);
        }

        output.WriteLine();
    }

    private static void WriteSummary(MessageSummary summary, MimeMessage message, TextWriter output)
    {
        var lines = new (string Name, string? Value)[]
        {
            ("From", string.Join(", ", summary.From)),
            ("To", string.Join(", ", summary.To)),
            ("Cc", string.Join(", ", summary.Cc)),
            ("Reply-To", string.Join(", ", summary.ReplyTo)),
            ("Subject", summary.Subject),
            ("Date", summary.Date is { } date ? MailDate.Format(date) : null),
            ("Message-ID", summary.MessageId),
            ("In-Reply-To", summary.InReplyTo),
            ("References", string.Join(" ", summary.References)),
            ("Priority", summary.Priority.ToString()),
            ("Content-Type", summary.ContentType),
            ("Attachments", summary.HasAttachments ? "yes" : "no"),
            ("Color", summary.Color),
            ("Preview", summary.Preview),
            ("Defects", message.EnumerateDefects().Count().ToString(CultureInfo.InvariantCulture)),
        };
        var width = lines.Max(l => l.Name.Length) + 2;
        var text = new StringBuilder();
        foreach (var (name, value) in lines)
        {
            if (!string.IsNullOrEmpty(value))
            {
                text.Append((name + ":").PadRight(width)).Append(value).Append('\n');
            }
        }

        output.Write(text.ToString());
    }
}
