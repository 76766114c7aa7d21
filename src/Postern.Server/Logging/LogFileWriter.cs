using System.Threading.Channels;

namespace Postern.Server.Logging;

/// <summary>Appends log lines to one file per day (<c>yyyy-MM-dd.log</c>), written by a background task so loggers never wait on the disk.</summary>
internal sealed class LogFileWriter : IAsyncDisposable
{
    private readonly Channel<(DateTime Day, string Line)> _lines = Channel.CreateUnbounded<(DateTime, string)>(
        new UnboundedChannelOptions { SingleReader = true });
    private readonly string _directory;
    private readonly Task _writer;

    public LogFileWriter(string directory)
    {
        _directory = directory;
        System.IO.Directory.CreateDirectory(directory);
        _writer = Task.Run(WriteAsync);
    }

    public void Write(DateTime localTime, string line) => _lines.Writer.TryWrite((localTime.Date, line));

    private async Task WriteAsync()
    {
        StreamWriter? file = null;
        var fileDay = DateTime.MinValue;
        try
        {
            while (await _lines.Reader.WaitToReadAsync())
            {
                while (_lines.Reader.TryRead(out var entry))
                {
                    if (file is null || entry.Day != fileDay)
                    {
                        if (file is not null)
                            await file.DisposeAsync();
                        fileDay = entry.Day;
                        file = new StreamWriter(new FileStream(
                            Path.Combine(_directory, $"{fileDay:yyyy-MM-dd}.log"), FileMode.Append, FileAccess.Write, FileShare.ReadWrite));
                    }
                    await file.WriteLineAsync(entry.Line);
                }
                // Flush once the queue is drained: a burst costs one write, and nothing waits long.
                if (file is not null)
                    await file.FlushAsync();
            }
        }
        finally
        {
            if (file is not null)
                await file.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _lines.Writer.TryComplete();
        await _writer;
    }
}
