package io.tiergate.entitlement.extauthz;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.Status;
import io.quarkus.grpc.auth.AuthExceptionHandler;
import io.quarkus.grpc.auth.AuthExceptionHandlerProvider;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A gRPC call without a credential is UNAUTHENTICATED, as an HTTP call without one is 401: Quarkus's default handler
 * answers PERMISSION_DENIED when the role check, rather than the authentication, refuses an anonymous caller. A
 * caller with the wrong role stays PERMISSION_DENIED; neither answer says more than its status.
 */
@ApplicationScoped
public class GrpcCallerRefusals implements AuthExceptionHandlerProvider {

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 1;
    }

    @Override
    public <ReqT, RespT> AuthExceptionHandler<ReqT, RespT> createHandler(
            ServerCall.Listener<ReqT> listener, ServerCall<ReqT, RespT> call, Metadata metadata) {
        return new AuthExceptionHandler<>(listener, call, metadata, false) {
            @Override
            protected void handleException(Throwable failure, ServerCall<ReqT, RespT> serverCall, Metadata trailers) {
                if (failure instanceof UnauthorizedException) {
                    serverCall.close(Status.UNAUTHENTICATED, trailers);
                } else {
                    super.handleException(failure, serverCall, trailers);
                }
            }
        };
    }
}
