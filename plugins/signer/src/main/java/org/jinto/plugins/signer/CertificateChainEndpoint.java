package org.jinto.plugins.signer;

import io.swagger.annotations.ApiOperation;
import io.swagger.annotations.ApiResponse;
import io.swagger.annotations.ApiResponses;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import org.jinto.api.http.KintoException;
import org.jinto.api.http.OptionalEndpoint;

/** {@code GET /v1/__signer__/x5u/<sha256>.pem}: a certificate chain published by {@link CertificateChains}. */
@Path("__signer__/x5u/{name}.pem")
@RequestScoped
public class CertificateChainEndpoint implements OptionalEndpoint {

    @Inject
    SignerPlugin plugin;
    @Inject
    CertificateChains chains;

    @Override
    public boolean isServed() {
        return plugin.isEnabled();
    }

    @GET
    @ApiOperation(value = "Certificate chain of a local signing key.", nickname = "signer_x5u", tags = "Signer")
    @ApiResponses(@ApiResponse(code = 200, message = "The PEM chain, leaf first."))
    public Response chain(@PathParam("name") String name) {
        if (!plugin.isEnabled()) {
            throw KintoException.notFound();
        }
        return chains.chain(name).map(pem -> Response.ok(pem, "application/x-pem-file").build())
                .orElseThrow(KintoException::notFound);
    }
}
