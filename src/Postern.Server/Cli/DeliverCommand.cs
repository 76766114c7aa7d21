using System.CommandLine;
using Postern.Mail;
using Postern.Mail.Delivery;
using Postern.Mail.Messages;
using Postern.Server.Hosting;

namespace Postern.Server.Cli;

/// <summary><c>postern deliver --to ADDRESS [--from SENDER] [FILE]</c>: delivers a message to local accounts as if it arrived from outside.</summary>
internal static class DeliverCommand
{
    /// <summary>The Received field's "from" of mail handed over on the command line.</summary>
    private const string ReceivedFrom = "localhost (postern deliver)";

    public static Command Create()
    {
        var file = new Argument<string>("file")
        {
            Description = "The RFC 5322 message file; - or nothing reads standard input.",
            DefaultValueFactory = _ => "-",
        };
        var to = new Option<string[]>("--to")
        {
            Description = "A local recipient address; repeat for several.",
            Required = true,
            HelpName = "ADDRESS",
        };
        var from = new Option<string>("--from")
        {
            Description = "The envelope sender for Return-Path (default: none, as for a bounce).",
            DefaultValueFactory = _ => "",
            HelpName = "ADDRESS",
        };
        var command = new Command("deliver", "Deliver a message to local accounts' INBOX, as mail from outside.") { file, to, from };
        command.SetAction((parse, cancellationToken) => CliContext.RunAsync(parse, cancellationToken, async cli =>
        {
            var message = await ReadMessageAsync(parse.GetRequiredValue(file), cancellationToken);
            var envelope = new DeliveryEnvelope(parse.GetValue(from)!.Trim(), ReceivedFrom, "LOCAL");
            var delivery = cli.Get<LocalDelivery>();
            // Every recipient is checked first, so that a mistyped address delivers to nobody.
            var resolver = cli.Get<RecipientResolver>();
            var recipients = parse.GetRequiredValue(to);
            foreach (var recipient in recipients)
            {
                if (!(await resolver.ResolveAsync(recipient, cancellationToken)).IsLocal)
                    throw new MailException(MailErrorCode.InvalidAddress, $"{recipient.Trim()} is not an address of this server");
            }
            foreach (var recipient in recipients)
            {
                var result = await delivery.DeliverAsync(recipient, message, envelope, cancellationToken);
                cli.Output.Line($"delivered to {result.Recipient} (INBOX, UID {result.Uid})");
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>The whole message from a file or standard input, refused past the store's message size limit.</summary>
    private static async Task<byte[]> ReadMessageAsync(string path, CancellationToken cancellationToken)
    {
        await using var input = path == "-" ? Console.OpenStandardInput() : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MessageLimits.MaxMessageSize)
                throw new MailException(MailErrorCode.MessageTooLarge, $"the message is larger than {MessageLimits.MaxMessageSize} bytes");
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
            throw new MailException(MailErrorCode.IllegalMessageData, "the message is empty");
        return buffer.ToArray();
    }
}
