using Microsoft.Extensions.DependencyInjection;
using Postern.Ximss.Engine;
using Postern.Ximss.Protocol.Requests;
using Postern.Ximss.Tests.Support;

namespace Postern.Ximss.Tests.Engine;

public class XimssDispatcherTests
{
    [Fact]
    public async Task AHandlerFaultIsAnswered590WithItsHalfWrittenMessageDroppedAndTheSessionGoesOn()
    {
        await using var ximss = await XimssHarness.CreateAsync(services: s => s.WithoutHandler<Postern.Ximss.Operations.FolderClose>().AddXimssOperation<BrokenFolderClose>());
        var (channel, _) = ximss.TcpChannel();
        await ximss.LoginAsync(channel);

        var reply = await ximss.SendAsync(channel, "<folderClose id=\"f\" folder=\"INBOX\"/>");

        Assert.Equal(["<response id=\"f\" errorText=\"internal server error\" errorNum=\"590\"/>"], reply);
        Assert.Equal(["<response id=\"n\"/>"], await ximss.SendAsync(channel, "<noop id=\"n\"/>"));
        Assert.Null(channel.Session!.Activity.Operation);
    }

    [Fact]
    public async Task EveryOperationTheCodecKnowsHasAHandler()
    {
        await using var ximss = await XimssHarness.CreateAsync();
        var handled = ximss.Get<XimssOperationTable>().RequestTypes.Select(t => t.Name).ToHashSet();

        var known = typeof(XimssRequest).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(XimssRequest)) && !t.IsAbstract).Select(t => t.Name);
        Assert.Equal(known.Order(), handled.Order());
    }

    [Fact]
    public async Task TwoHandlersForOneRequestTypeAreABug()
    {
        await using var ximss = await XimssHarness.CreateAsync(services: s => s.AddXimssOperation<AnotherNoop>());

        Assert.Throws<InvalidOperationException>(() => ximss.Get<XimssOperationTable>());
    }

    private sealed class BrokenFolderClose : XimssOperationHandler<FolderCloseRequest>
    {
        public override ValueTask<XimssResult> ExecuteAsync(FolderCloseRequest request, XimssRequestContext context, CancellationToken cancellationToken)
        {
            context.Writer.WriteStartElement("folderReport");
            context.Writer.WriteAttribute("id", request.Id);
            throw new InvalidOperationException("a bug");
        }
    }

    private sealed class AnotherNoop : XimssOperationHandler<NoopRequest>
    {
        public override ValueTask<XimssResult> ExecuteAsync(NoopRequest request, XimssRequestContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(XimssResult.Ok);
    }
}
