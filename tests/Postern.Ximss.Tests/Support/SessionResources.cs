using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Postern.Ximss.Http;
using Postern.Ximss.Sessions;

namespace Postern.Ximss.Tests.Support;

/// <summary>Drives a session's HTTP resources (<c>UPLOAD</c>, <c>MIME</c>) in process, without a listener.</summary>
internal static class SessionResources
{
    private const string Boundary = "----postern-test-boundary";

    /// <summary>Posts a file to <c>/Session/&lt;id&gt;/UPLOAD/&lt;id&gt;</c> as a browser form would (field <c>fileData</c>).</summary>
    public static async Task<HttpResponse> UploadAsync(XimssHarness ximss, XimssSession session, string uploadId, string fileName, string contentType, byte[] content)
    {
        var form = new MemoryStream();
        form.Write(Encoding.ASCII.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"fileData\"; filename=\"{fileName}\"\r\nContent-Type: {contentType}\r\n\r\n"));
        form.Write(content);
        form.Write(Encoding.ASCII.GetBytes($"\r\n--{Boundary}--\r\n"));
        form.Position = 0;

        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.Path = $"/Session/{session.Id}/UPLOAD/{uploadId}";
        context.Request.ContentType = $"multipart/form-data; boundary={Boundary}";
        context.Request.ContentLength = form.Length;
        context.Request.Body = form;
        context.Response.Body = new MemoryStream();
        await Resource(ximss, "UPLOAD").HandleAsync(context, session, uploadId, CancellationToken.None);
        return context.Response;
    }

    private static IXimssSessionResource Resource(XimssHarness ximss, string name) =>
        ximss.Services.GetServices<IXimssSessionResource>().Single(r => r.Name == name);
}
