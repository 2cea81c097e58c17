package dev.shoal.rpc.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One RPC method: the request's arguments in, the reply's arguments out, or an error result. */
@FunctionalInterface
interface RpcMethod {

    /**
     * @param arguments the request's arguments, by any spelling
     * @param snake     the client spelt the method in 4.1's snake_case: answer keys in it too
     */
    ObjectNode call(Arguments arguments, boolean snake) throws RpcException;
}
