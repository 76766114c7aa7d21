using Postern.Ximss.Protocol.DataMessages;
using Postern.Ximss.Protocol.Tests.Support;

namespace Postern.Ximss.Protocol.Tests.DataMessages;

public class HttpContainerWriterTests
{
    [Fact]
    public void EmptyPollIsABareXimssElement()
    {
        Assert.Equal("<XIMSS/>", Written.Text(w => w.WriteEmptyContainer()));
    }

    [Fact]
    public void AsynchronousBatchCarriesItsSequenceNumber()
    {
        Assert.Equal(
            "<XIMSS respSeq=\"1\"><folderReport folder=\"INBOX\" mode=\"notify\"/></XIMSS>",
            Written.Text(w =>
            {
                w.WriteStartContainer(respSeq: 1);
                w.WriteFolderReportNotify("INBOX");
                w.WriteEndElement();
            }));
    }

    [Fact]
    public void SynchronousReplyHasNoSequenceNumber()
    {
        Assert.Equal("<XIMSS><response id=\"1\"/></XIMSS>", Written.Text(w =>
        {
            w.WriteStartContainer();
            w.WriteResponse("1");
            w.WriteEndElement();
        }));
    }
}
