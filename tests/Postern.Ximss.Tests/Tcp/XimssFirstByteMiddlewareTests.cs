using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Connections;
using Postern.Testing;
using Postern.Ximss.Tcp;

namespace Postern.Ximss.Tests.Tcp;

public class XimssFirstByteMiddlewareTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);
    private readonly ManualTimeProvider _clock = new();
    private readonly Pipe _fromClient = new();
    private readonly DefaultConnectionContext _connection;

    public XimssFirstByteMiddlewareTests()
    {
        _connection = new DefaultConnectionContext("test", new DuplexPipe(_fromClient.Reader, new Pipe().Writer), new DuplexPipe(new Pipe().Reader, _fromClient.Writer));
    }

    [Theory]
    [InlineData("<login id=\"1\" authData=\"a\" password=\"b\"/>\0", "ximss")]
    [InlineData("<policy-file-request/>\0", "ximss")]
    [InlineData("GET /ximsslogin/ HTTP/1.1\r\nHost: x\r\n\r\n", "http")]
    [InlineData(" <noop/>\0", "http")]
    public async Task TheFirstByteDecidesAndTheChosenHandlerReadsEveryByte(string sent, string expected)
    {
        await _fromClient.Writer.WriteAsync(Encoding.UTF8.GetBytes(sent));
        await _fromClient.Writer.CompleteAsync();

        var (chosen, read) = await RunAsync();

        Assert.Equal(expected, chosen);
        Assert.Equal(sent, read);
    }

    [Fact]
    public async Task BytesTricklingInOneAtATimeReachTheHandlerWhole()
    {
        const string sent = "GET / HTTP/1.1\r\n\r\n";
        var run = RunAsync();
        foreach (var b in Encoding.ASCII.GetBytes(sent))
        {
            await _fromClient.Writer.WriteAsync(new[] { b });
        }
        await _fromClient.Writer.CompleteAsync();

        var (chosen, read) = await run;

        Assert.Equal("http", chosen);
        Assert.Equal(sent, read);
    }

    [Fact]
    public async Task AClientSilentPastTheTimeoutIsHandedToHttpWhichStillGetsItsLaterBytes()
    {
        var run = RunAsync();
        _clock.Advance(s_timeout);
        await _fromClient.Writer.WriteAsync("<noop id=\"1\"/>\0"u8.ToArray());
        await _fromClient.Writer.CompleteAsync();

        var (chosen, read) = await run;

        Assert.Equal("http", chosen);
        Assert.Equal("<noop id=\"1\"/>\0", read);
    }

    [Fact]
    public async Task AClientThatLeavesWithoutAWordGoesToHttp()
    {
        await _fromClient.Writer.CompleteAsync();

        var (chosen, read) = await RunAsync();

        Assert.Equal("http", chosen);
        Assert.Equal("", read);
    }

    private async Task<(string Chosen, string Read)> RunAsync()
    {
        string? chosen = null;
        string read = "";
        var middleware = new XimssFirstByteMiddleware(async connection =>
        {
            chosen = "ximss";
            read = await ReadAllAsync(connection);
        }, s_timeout, _clock);
        await middleware.InvokeAsync(_connection, async connection =>
        {
            chosen = "http";
            read = await ReadAllAsync(connection);
        });
        return (chosen!, read);
    }

    private static async Task<string> ReadAllAsync(ConnectionContext connection)
    {
        var input = connection.Transport.Input;
        while (true)
        {
            var result = await input.ReadAsync();
            Assert.False(result.IsCanceled);
            if (result.IsCompleted)
            {
                var text = Encoding.UTF8.GetString(System.Buffers.BuffersExtensions.ToArray(result.Buffer));
                input.AdvanceTo(result.Buffer.End);
                return text;
            }
            input.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
