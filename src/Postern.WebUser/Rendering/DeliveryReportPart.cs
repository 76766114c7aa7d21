using Postern.Data;
using Postern.Mime;
using Postern.Mime.Reports;

namespace Postern.WebUser.Rendering;

/// <summary>WebApp, DeliveryReportPart: a message/delivery-status part (RFC 3464) as <c>MessageFields</c> and per-recipient <c>Reports</c>.</summary>
public static class DeliveryReportPart
{
    public static DataDictionary CreateDataset(MimePart part, MessageRenderContext context, MimePart? container)
    {
        var report = DeliveryStatusReport.Read(part);
        var dataset = PartDataset.Create(context, container ?? part);
        dataset["MessageFields"] = Fields(report.MessageFields);
        var reports = new DataArray(report.Recipients.Count);
        foreach (var recipient in report.Recipients)
            reports.Add(Fields(recipient));
        dataset["Reports"] = reports;
        return dataset;
    }

    /// <summary>Report fields as <c>{name; value}</c> dictionaries.</summary>
    internal static DataArray Fields(IReadOnlyList<ReportField> fields)
    {
        var array = new DataArray(fields.Count);
        foreach (var field in fields)
            array.Add(new DataDictionary { ["name"] = field.Name, ["value"] = field.Value });
        return array;
    }
}
