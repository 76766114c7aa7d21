using Postern.Data;
using Postern.Mime;
using Postern.Mime.Headers;

namespace Postern.WebUser.Rendering;

/// <summary>WebApp, RFC822Header: the "visible" header fields of a message, MIME-decoded (<c>RFC822Fields</c>).</summary>
public static class RFC822Header
{
    /// <summary>The fields shown unless all are asked for, in this order.</summary>
    public static IReadOnlyList<string> VisibleFields { get; } = ["From", "Sender", "Reply-To", "Subject", "Date", "To", "Cc"];

    /// <summary>At most this many fields are shown in "all headers" mode; a message with thousands of fields is hostile.</summary>
    public const int MaxShownFields = 200;

    /// <summary>A shown value is cut at this many characters: one field's value can otherwise be megabytes.</summary>
    public const int MaxValueLength = 4096;

    public static DataDictionary CreateDataset(MimeMessage message, MessageRenderContext context, MimePart? container)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        var dataset = PartDataset.Create(context, container ?? message.EnclosingPart ?? message.Body);
        var fields = new DataArray();
        if (context.ShowAllHeaders)
        {
            foreach (var field in message.Headers.Take(MaxShownFields))
                fields.Add(Field(field.Name, field.GetText()));
        }
        else
        {
            foreach (var name in VisibleFields)
            {
                foreach (var field in message.Headers.GetAll(name))
                    fields.Add(Field(field.Name, field.GetText()));
            }
        }
        dataset["RFC822Fields"] = fields;
        return dataset;
    }

    private static DataDictionary Field(string name, string? value)
    {
        var text = value ?? "";
        return new DataDictionary { ["name"] = name, ["value"] = text.Length > MaxValueLength ? text[..MaxValueLength] + "…" : text };
    }
}
