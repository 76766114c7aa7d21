using System.Globalization;
using System.Text.RegularExpressions;
using Postern.Mail.Mbox;
using Postern.Testing;

namespace Postern.Server.Tests.EndToEnd;

/// <summary>An import killed with SIGKILL (and the server with it) loses none of the messages it reported as committed.</summary>
public partial class ImportDurabilityTests : IDisposable
{
    /// <summary>Enough messages that the import is still running when it is killed (several seconds on a 2-core machine).</summary>
    private const int MessagesInFile = 30_000;

    /// <summary>Kill once this many are committed: several batches in, far from the end.</summary>
    private const int KillAfter = 4_000;

    private static readonly TimeSpan s_lineTimeout = TimeSpan.FromSeconds(60);

    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task EveryMessageReportedCommittedIsThereWholeAfterAKillAndARestart()
    {
        var data = _directory.File("data");
        var mbox = _directory.File("big.mbox");
        SyntheticMbox.Write(mbox, MessagesInFile);

        long reported;
        await using (var server = await PosternProcess.StartServerAsync(data))
        {
            await using var import = PosternProcess.Start(_directory.Path, null,
                ["import", "mbox", mbox, "--account", "postmaster@example.com", "--mailbox", "Import", "--data", data]);
            while (await import.ReadLineAsync(s_lineTimeout) is { } line && Committed(line) < KillAfter)
            {
            }
            import.Signal("KILL");
            server.Signal("KILL");
            await import.WaitForExitAsync(s_lineTimeout);
            reported = import.Output.Select(Committed).Max();
            Assert.DoesNotContain(import.Output, line => line.StartsWith("imported ", StringComparison.Ordinal));
        }

        await using var restarted = await PosternProcess.StartServerAsync(data);
        var exported = _directory.File("exported.mbox");
        var export = await PosternProcess.RunAsync(data, "export", "mbox", "--account", "postmaster@example.com", "--mailbox", "Import", exported);
        Assert.Equal(0, export.ExitCode);

        var index = 0;
        long bytes = 0;
        await using (var file = File.OpenRead(exported))
        {
            await foreach (var message in new MboxStreamReader(file).ReadAsync(CancellationToken.None))
            {
                Assert.True(message.Content.Span.SequenceEqual(SyntheticMbox.Message(index)), $"message {index} is not whole");
                bytes += message.Content.Length;
                index++;
            }
        }
        Assert.InRange(index, reported, MessagesInFile - 1);
        Assert.Equal($"exported {index} messages, {bytes} bytes from Import to {exported}", export.Output);
        var listed = await PosternProcess.RunAsync(data, "mailbox", "list", "postmaster@example.com");
        Assert.Contains(listed.Output.Split('\n'), line => Regex.IsMatch(line, $@"^Import\s+mail\s+{index}\s+{index}\s+{bytes}\s+{index + 1}\s"));

        // The store takes new messages after the killed batch: the pack's uncommitted tail was cut off.
        var small = _directory.File("small.mbox");
        SyntheticMbox.Write(small, 10);
        var more = await PosternProcess.RunAsync(data, "import", "mbox", small, "--account", "postmaster@example.com", "--mailbox", "Import");
        Assert.Equal(0, more.ExitCode);
        Assert.StartsWith("imported 10 messages", more.Output.Split('\n')[^1]);
    }

    private static long Committed(string line)
    {
        var match = CommittedLine().Match(line);
        return match.Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex(@"^committed (\d+) messages, \d+ bytes$")]
    private static partial Regex CommittedLine();
}
