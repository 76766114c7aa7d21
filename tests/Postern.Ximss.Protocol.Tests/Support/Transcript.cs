using Postern.Testing;

namespace Postern.Ximss.Protocol.Tests.Support;

/// <summary>
/// A transcript under TestData/Transcripts: "C: " client and "S: " server messages, one per line;
/// indented lines continue the previous message; "#" lines are comments.
/// </summary>
internal sealed class Transcript
{
    private Transcript(List<string> client, List<string> server)
    {
        Client = client;
        Server = server;
    }

    public List<string> Client { get; }

    public List<string> Server { get; }

    public static Transcript Load(string file)
    {
        var client = new List<string>();
        var server = new List<string>();
        List<string>? last = null;
        foreach (var rawLine in TestData.Text("Transcripts", file).Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            if (line.StartsWith("C: ", StringComparison.Ordinal))
                (last = client).Add(line[3..]);
            else if (line.StartsWith("S: ", StringComparison.Ordinal))
                (last = server).Add(line[3..]);
            else if (line.StartsWith(' ') && last is not null)
                last[^1] += "\n" + line;
            else
                throw new FormatException($"{file}: cannot read line '{line}'.");
        }

        return new Transcript(client, server);
    }
}
