using Postern.Data;
using Postern.Mime;
using Postern.Mime.Reports;

namespace Postern.WebUser.Rendering;

/// <summary>WebApp, DispositionReportPart: a message/disposition-notification part (RFC 8098) as <c>fields</c>.</summary>
public static class DispositionReportPart
{
    public static DataDictionary CreateDataset(MimePart part, MessageRenderContext context, MimePart? container)
    {
        var dataset = PartDataset.Create(context, container ?? part);
        dataset["fields"] = DeliveryReportPart.Fields(DispositionNotification.Read(part).Fields);
        return dataset;
    }
}
